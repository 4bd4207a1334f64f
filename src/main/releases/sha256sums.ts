import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { EngineError } from '../errors/engine-error'

/** Why 1 MB reads: hashing a 100 MB archive in 64 KB pieces costs noticeably more calls. */
const HASH_READ_BYTES = 1024 * 1024

/**
 * The checksum listed for a file in a SHA256SUMS text (`<64 hex>  <name>`, or `*<name>` in
 * binary mode, as `shasum -a 256` writes it), lower-cased; null when the file is not listed.
 */
export function findChecksum(sums: string, fileName: string): string | null {
  for (const line of sums.split(/\r?\n/)) {
    const match = /^([0-9a-fA-F]{64}) [ *]?(.+)$/.exec(line.trim())
    if (!match) continue
    const name = match[2]!.trim().replace(/^\.\//, '')
    if (name === fileName) return match[1]!.toLowerCase()
  }
  return null
}

/** The SHA-256 of a file, in lower-case hex, read as a stream. */
export async function sha256File(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path, { highWaterMark: HASH_READ_BYTES, signal })) {
    hash.update(chunk as Buffer)
  }
  return hash.digest('hex')
}

/** Names a checked archive in messages: which release, which file, from where. */
export interface ChecksumSubject {
  version: string
  fileName: string
  from: string
}

/**
 * Checks a file against its expected SHA-256 by reading it (for imported archives); see
 * expectChecksum.
 */
export async function verifyChecksum(
  file: string,
  expected: string,
  what: ChecksumSubject,
  signal?: AbortSignal,
): Promise<void> {
  await expectChecksum(await sha256File(file, signal), expected, what, file)
}

/**
 * Compares a file's SHA-256 (hashed while it was written, or read back) with the expected one;
 * on a mismatch the file is deleted (it must never be extracted) and CHECKSUM_MISMATCH names the
 * file and where it came from.
 */
export async function expectChecksum(
  actual: string,
  expected: string,
  what: ChecksumSubject,
  file: string,
): Promise<void> {
  if (actual === expected.toLowerCase()) return
  await rm(file, { force: true })
  throw new EngineError(
    'CHECKSUM_MISMATCH',
    `${what.fileName} (etcd ${what.version}) from ${what.from} does not match its SHA256SUMS entry; it was deleted and not installed.`,
    { version: what.version, file: what.fileName, from: what.from, expected, actual },
  )
}
