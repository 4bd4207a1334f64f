/**
 * Builds release-shaped archives (etcd-v{V}-{os}-{arch}.tar.gz / .zip with the top-level folder)
 * from the Debian etcd binaries, plus broken and malicious variants, for the release tests.
 */
import { createWriteStream } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import yazl from 'yazl'
import { sha256, type ArchiveEntry, type BuiltArchive } from '../../helpers/tar-archive'

// The tar.gz writer and checksums moved to test/helpers (the release mirror uses them too).
export { sha256, sha256sums, writeTarGz } from '../../helpers/tar-archive'
export type { ArchiveEntry, BuiltArchive } from '../../helpers/tar-archive'

/** The Debian binaries every "real" archive is built from. */
export const REAL_ETCD = process.env.ETCD_BIN ?? '/usr/bin/etcd'
/** The etcdctl beside it. */
const REAL_ETCDCTL = '/usr/bin/etcdctl'
/** The version those binaries report. */
export const REAL_VERSION = '3.4.23'

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
