/**
 * Builds release-shaped archives (etcd-v{V}-{os}-{arch}.tar.gz / .zip with the top-level folder)
 * from the Debian etcd binaries, plus broken and malicious variants, for the release tests.
 */
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { Header } from 'tar'
import yazl from 'yazl'

/** The Debian binaries every "real" archive is built from. */
export const REAL_ETCD = process.env.ETCD_BIN ?? '/usr/bin/etcd'
/** The etcdctl beside it. */
const REAL_ETCDCTL = '/usr/bin/etcdctl'
/** The version those binaries report. */
export const REAL_VERSION = '3.4.23'

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

/** The entries of a real release: top folder, etcd, etcdctl, README.md. */
export function realEntries(top: string, exe = ''): ArchiveEntry[] {
  return [
    { kind: 'dir', path: `${top}/` },
    { kind: 'file', path: `${top}/etcd${exe}`, from: REAL_ETCD, mode: 0o755 },
    { kind: 'file', path: `${top}/etcdctl${exe}`, from: REAL_ETCDCTL, mode: 0o755 },
    { kind: 'file', path: `${top}/README.md`, content: '# etcd\n' },
  ]
}

/** A small shell script that prints like `etcd --version` of another version. */
export function fakeEtcd(version: string): string {
  return `#!/bin/sh\necho "etcd Version: ${version}"\necho "Git SHA: fake"\n`
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

/**
 * Writes entries as a .zip (stored, not deflated: fast to build). yazl refuses unsafe names, so
 * `rename` patches names afterwards (same length), e.g. { 'xx/evil': '../evil' }.
 */
export async function writeZip(
  dir: string,
  fileName: string,
  entries: ArchiveEntry[],
  rename: Record<string, string> = {},
): Promise<BuiltArchive> {
  const zip = new yazl.ZipFile()
  for (const entry of entries) {
    if (entry.kind === 'dir') zip.addEmptyDirectory(entry.path)
    else if (entry.kind === 'symlink') {
      zip.addBuffer(Buffer.from(entry.target), entry.path, { mode: 0o120777, compress: false })
    } else if (entry.kind === 'file' && entry.from) {
      zip.addFile(entry.from, entry.path, {
        mode: 0o100000 | (entry.mode ?? 0o644),
        compress: false,
      })
    } else if (entry.kind === 'file') {
      zip.addBuffer(Buffer.from(entry.content ?? ''), entry.path, { mode: 0o100644 })
    }
  }
  zip.end()
  const path = join(dir, fileName)
  await pipeline(zip.outputStream, createWriteStream(path))
  if (Object.keys(rename).length > 0) await patchNames(path, rename)
  return { fileName, path, sha256: await sha256(path) }
}

async function patchNames(path: string, rename: Record<string, string>): Promise<void> {
  let bytes = await readFile(path)
  for (const [from, to] of Object.entries(rename)) {
    if (from.length !== to.length) throw new Error('zip name patches must keep the length')
    bytes = Buffer.from(bytes.toString('latin1').split(from).join(to), 'latin1')
  }
  await writeFile(path, bytes)
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
