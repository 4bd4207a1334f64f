import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { EngineError } from '../errors/engine-error'

/** Length of the SHA-256 that etcd's Snapshot RPC appends to the database it streams. */
const SHA256_BYTES = 32

/**
 * bbolt pages are multiples of 512 bytes; etcd's restore takes "size % 512 == 32" as the sign of
 * an appended hash (etcdctl/etcdutl snapshot restore, `hasChecksum`).
 */
const PAGE_ALIGNMENT = 512

/** Offset (after the 16-byte page header) and value of the magic number in bbolt's first meta page. */
const BOLT_MAGIC_OFFSET = 16
const BOLT_MAGIC = 0xed0cdaed

/**
 * Checks that a file is a whole etcd snapshot: a bbolt database followed by the SHA-256 of its
 * bytes, which the Snapshot RPC appends. A truncated copy or any other file is refused with
 * SNAPSHOT_INVALID naming it, before a restore starts writing member data.
 */
export async function verifySnapshotFile(id: string, file: string): Promise<void> {
  const invalid = (reason: string) =>
    new EngineError('SNAPSHOT_INVALID', `Snapshot ${id} cannot be restored: ${reason}.`, {
      id,
      reason,
    })
  const { size } = await stat(file)
  if (size < PAGE_ALIGNMENT + SHA256_BYTES || size % PAGE_ALIGNMENT !== SHA256_BYTES) {
    throw invalid(`its size (${size} bytes) is not that of an etcd snapshot (truncated?)`)
  }
  if ((await readMagic(file)) !== BOLT_MAGIC) throw invalid('it is not an etcd (bbolt) database')
  const bodyBytes = size - SHA256_BYTES
  const [expected, actual] = await Promise.all([
    readRange(file, bodyBytes, SHA256_BYTES),
    sha256Of(file, bodyBytes),
  ])
  if (!expected.equals(actual)) throw invalid('its SHA-256 does not match (damaged or truncated)')
}

async function readMagic(file: string): Promise<number> {
  const header = await readRange(file, BOLT_MAGIC_OFFSET, 4)
  // bbolt writes its meta page in the machine's byte order; every platform etcd ships is little-endian.
  return header.readUInt32LE(0)
}

async function readRange(file: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(file, 'r')
  try {
    const buffer = Buffer.alloc(length)
    await handle.read(buffer, 0, length, position)
    return buffer
  } finally {
    await handle.close()
  }
}

async function sha256Of(file: string, bytes: number): Promise<Buffer> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file, { start: 0, end: bytes - 1 })) {
    hash.update(chunk as Buffer)
  }
  return hash.digest()
}
