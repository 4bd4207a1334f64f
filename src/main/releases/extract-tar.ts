import { createReadStream } from 'node:fs'
import { basename, join } from 'node:path'
import { Unpack, type ReadEntry } from 'tar'
import { isEngineError } from '../errors/engine-error'
import {
  archiveInvalid,
  triageEntry,
  escapingEntries,
  type ArchiveEntryInfo,
  type ArchiveEntryKind,
} from './archive-entries'
import { diskError } from './fs-errors'

/**
 * Why 1 MB: tar gunzips each read on the engine thread in one go; its default 16 MB reads held
 * the event loop ~100 ms each (bench/download.ts), 1 MB reads at most ~15 ms. Smaller reads
 * (256 KB) did not stall less and made extraction slower.
 */
const READ_BYTES = 1024 * 1024

function kindOf(entry: ReadEntry): ArchiveEntryKind {
  switch (entry.type) {
    case 'File':
    case 'OldFile':
    case 'ContiguousFile':
      return 'file'
    case 'Directory':
      return 'directory'
    case 'SymbolicLink':
      return 'symlink'
    case 'Link':
      return 'hardlink'
    default:
      return 'other'
  }
}

/**
 * Extracts only the wanted binaries of a .tar.gz into `dest` and returns where each landed.
 * Every entry is checked first: one that would land or point outside `dest` is never written and
 * refuses the whole archive (ARCHIVE_INVALID), as does a corrupt or truncated archive.
 */
export async function extractTarGz(
  archive: string,
  dest: string,
  binaries: readonly string[],
): Promise<Map<string, string>> {
  const fileName = basename(archive)
  const found = new Map<string, string>()
  const escapes: string[] = []
  const filter = (path: string, entry: unknown): boolean => {
    const readEntry = entry as ReadEntry
    const info: ArchiveEntryInfo = {
      path,
      kind: kindOf(readEntry),
      linkTarget: readEntry.linkpath,
    }
    const name = triageEntry(info, binaries, found, escapes)
    if (!name) return false
    found.set(name, join(dest, path))
    return true
  }
  try {
    await unpackFile(archive, {
      cwd: dest,
      // strict: a damaged archive is an error, not a warning; preserveOwner: never chown as root.
      strict: true,
      preserveOwner: false,
      filter,
    })
  } catch (error) {
    const disk = diskError(error, `extract ${fileName}`, dest)
    if (isEngineError(disk)) throw disk
    throw archiveInvalid(fileName, `is not a readable .tar.gz (${(error as Error).message})`)
  }
  if (escapes.length > 0) throw escapingEntries(fileName, escapes)
  return found
}

/**
 * Pipes the archive into tar's extractor ourselves, not with `x({ file })`: on an error (a
 * full disk, a damaged archive) that reader would stay open, paused mid-file, holding the
 * archive's file handle for good; this one is closed before the error is reported, so the work
 * folder can be deleted at once, also on Windows.
 */
function unpackFile(
  archive: string,
  options: ConstructorParameters<typeof Unpack>[0],
): Promise<void> {
  return new Promise((resolve, reject) => {
    const input = createReadStream(archive, { highWaterMark: READ_BYTES })
    const unpack = new Unpack(options)
    let hasFailed = false
    const fail = (error: Error): void => {
      if (hasFailed) return
      hasFailed = true
      input.destroy()
      if (input.closed) reject(error)
      else input.once('close', () => reject(error))
    }
    input.on('error', fail)
    unpack.on('error', fail)
    unpack.once('close', () => {
      if (!hasFailed) resolve()
    })
    input.pipe(unpack)
  })
}
