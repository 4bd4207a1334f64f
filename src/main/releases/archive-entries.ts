import { posix } from 'node:path'
import { EngineError } from '../errors/engine-error'

/** What an archive entry is, in terms both tar and zip can say. */
export type ArchiveEntryKind = 'file' | 'directory' | 'symlink' | 'hardlink' | 'other'

/** One archive entry as the safety checks see it. */
export interface ArchiveEntryInfo {
  path: string
  kind: ArchiveEntryKind
  /** Target of a symlink (relative to the link's folder) or hardlink (relative to the root). */
  linkTarget?: string
}

/** Path segments without empty and "." parts; backslashes count as separators (Windows zips). */
function segmentsOf(path: string): string[] {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .filter((part) => part !== '' && part !== '.')
}

/** True for "/x", "\\x" and "C:x": paths that ignore the folder they are extracted into. */
function isAbsolutePath(path: string): boolean {
  return /^[/\\]/.test(path) || /^[A-Za-z]:/.test(path)
}

/** Why a path would land outside the extraction folder, or null when it stays inside. */
function pathEscape(path: string): string | null {
  if (isAbsolutePath(path)) return 'absolute path'
  if (segmentsOf(path).includes('..')) return 'path leaves the folder with ".."'
  return null
}

/**
 * Why an entry would write or point outside the folder it is extracted into, or null when it is
 * safe. Links are judged by where they point, since writing through them is the classic escape.
 */
export function escapeReason(entry: ArchiveEntryInfo): string | null {
  const own = pathEscape(entry.path)
  if (own) return own
  if (entry.kind === 'symlink') {
    const target = entry.linkTarget ?? ''
    if (isAbsolutePath(target)) return `symlink to the absolute path ${target}`
    const from = segmentsOf(entry.path).slice(0, -1).join('/')
    const resolved = posix.normalize(posix.join(from || '.', target.replace(/\\/g, '/')))
    if (resolved === '..' || resolved.startsWith('../'))
      return `symlink pointing outside: ${target}`
  }
  if (entry.kind === 'hardlink') {
    const reason = pathEscape(entry.linkTarget ?? '')
    if (reason) return `hardlink target: ${reason}`
  }
  return null
}

/**
 * The binary an entry holds when it is one we keep: a regular file named like a wanted binary,
 * at the archive root or inside the one top-level folder (`etcd-v3.5.17-linux-amd64/etcd`).
 */
export function wantedBinary(entry: ArchiveEntryInfo, binaries: readonly string[]): string | null {
  if (entry.kind !== 'file') return null
  const segments = segmentsOf(entry.path)
  if (segments.length > 2) return null
  const name = segments[segments.length - 1]
  return name !== undefined && binaries.includes(name) ? name : null
}

/** ARCHIVE_INVALID naming the archive, for every way an archive can be unusable. */
export function archiveInvalid(fileName: string, reason: string): EngineError {
  return new EngineError('ARCHIVE_INVALID', `${fileName} ${reason}; nothing was installed.`, {
    file: fileName,
    reason,
  })
}

/** The refusal for entries that would land outside the extraction folder. */
export function escapingEntries(fileName: string, escapes: string[]): EngineError {
  const shown = escapes.slice(0, 3).join('; ')
  return archiveInvalid(fileName, `has entries that would land outside its folder (${shown})`)
}

/**
 * Sorts one entry: an escaping one is recorded in `escapes` (the archive is refused later), a
 * wanted binary not seen yet returns its name, anything else returns null (skipped).
 */
export function triageEntry(
  entry: ArchiveEntryInfo,
  binaries: readonly string[],
  found: ReadonlyMap<string, string>,
  escapes: string[],
): string | null {
  const reason = escapeReason(entry)
  if (reason) {
    escapes.push(`${entry.path}: ${reason}`)
    return null
  }
  const name = wantedBinary(entry, binaries)
  return name && !found.has(name) ? name : null
}
