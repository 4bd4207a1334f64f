/**
 * Writes release-shaped .tar.gz archives from files on disk or bytes, and their SHA256SUMS: shared
 * by the release tests (test/integration/releases) and the loopback release mirror.
 */
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { Header } from 'tar'

/** One archive entry: a file from disk or from bytes, a directory, or a link. */
export type ArchiveEntry =
  | { kind: 'file'; path: string; from?: string; content?: Buffer | string; mode?: number }
  | { kind: 'dir'; path: string }
  | { kind: 'symlink' | 'hardlink'; path: string; target: string }

/** An archive written to disk, with its checksum. */
export interface BuiltArchive {
  fileName: string
  path: string
  sha256: string
}

/** Writes entries as a .tar.gz (gzip level 1: the tests need speed, not size). */
export async function writeTarGz(
  dir: string,
  fileName: string,
  entries: ArchiveEntry[],
): Promise<BuiltArchive> {
  const path = join(dir, fileName)
  await pipeline(
    Readable.from(tarBlocks(entries)),
    createGzip({ level: 1 }),
    createWriteStream(path),
  )
  return { fileName, path, sha256: await sha256(path) }
}

async function* tarBlocks(entries: ArchiveEntry[]): AsyncGenerator<Buffer> {
  for (const entry of entries) {
    const size = entry.kind === 'file' ? await sizeOf(entry) : 0
    const header = new Header({
      path: entry.path,
      mode: entry.kind === 'file' ? (entry.mode ?? 0o644) : 0o755,
      size,
      type: TAR_TYPES[entry.kind],
      linkpath: entry.kind === 'symlink' || entry.kind === 'hardlink' ? entry.target : undefined,
      mtime: new Date(),
      uid: 0,
      gid: 0,
    })
    const block = Buffer.alloc(512)
    header.encode(block, 0)
    yield block
    if (entry.kind !== 'file') continue
    if (entry.from) yield* createReadStream(entry.from, { highWaterMark: 1 << 20 })
    else yield Buffer.from(entry.content ?? '')
    if (size % 512) yield Buffer.alloc(512 - (size % 512))
  }
  yield Buffer.alloc(1024)
}

const TAR_TYPES = {
  file: 'File',
  dir: 'Directory',
  symlink: 'SymbolicLink',
  hardlink: 'Link',
} as const

async function sizeOf(entry: ArchiveEntry & { kind: 'file' }): Promise<number> {
  if (entry.from) return (await stat(entry.from)).size
  return Buffer.byteLength(entry.content ?? '')
}

/** SHA-256 of a file in hex. */
export async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** A SHA256SUMS text as `shasum -a 256` writes it. */
export function sha256sums(archives: { fileName: string; sha256: string }[]): string {
  return archives.map((a) => `${a.sha256}  ${a.fileName}\n`).join('')
}
