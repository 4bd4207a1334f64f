import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { isEngineError } from '../errors/engine-error'
import { diskError } from './fs-errors'
import {
  archiveInvalid,
  triageEntry,
  escapingEntries,
  type ArchiveEntryInfo,
} from './archive-entries'

/** Why 4 KB: a symlink's content is its target path; longer than any real path means garbage. */
const MAX_LINK_TARGET_BYTES = 4096
const S_IFMT = 0o170000
const S_IFLNK = 0o120000

/** What a zip entry is: zip keeps the Unix file type in the high bits of the external attributes. */
function isSymlink(entry: Entry): boolean {
  return ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK
}

async function readLinkTarget(zip: ZipFile, entry: Entry): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of await zip.openReadStreamPromise(entry)) {
    size += (chunk as Buffer).length
    if (size > MAX_LINK_TARGET_BYTES) throw new Error(`symlink ${entry.fileName} is too long`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

async function entryInfo(zip: ZipFile, entry: Entry): Promise<ArchiveEntryInfo> {
  if (entry.fileName.endsWith('/')) return { path: entry.fileName, kind: 'directory' }
  if (isSymlink(entry)) {
    return { path: entry.fileName, kind: 'symlink', linkTarget: await readLinkTarget(zip, entry) }
  }
  return { path: entry.fileName, kind: 'file' }
}

/**
 * Extracts only the wanted binaries of a .zip into `dest` and returns where each landed. Entries
 * that would land or point outside `dest` refuse the whole archive (ARCHIVE_INVALID); yauzl itself
 * rejects absolute and `..` names, and checks entry sizes against the central directory.
 */
export async function extractZip(
  archive: string,
  dest: string,
  binaries: readonly string[],
): Promise<Map<string, string>> {
  const fileName = basename(archive)
  const found = new Map<string, string>()
  const escapes: string[] = []
  let zip: ZipFile | undefined
  try {
    zip = await yauzl.openPromise(archive, { validateEntrySizes: true, autoClose: false })
    for await (const entry of zip.eachEntry()) {
      const info = await entryInfo(zip, entry)
      const name = triageEntry(info, binaries, found, escapes)
      if (!name) continue
      const target = join(dest, info.path)
      await mkdir(dirname(target), { recursive: true })
      await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(target))
      found.set(name, target)
    }
  } catch (error) {
    const disk = diskError(error, `extract ${fileName}`, dest)
    if (isEngineError(disk)) throw disk
    const message = (error as Error).message
    // yauzl refuses unsafe names itself; report them like the tar checks do.
    if (/^(absolute path|invalid relative path|invalid characters)/.test(message)) {
      throw escapingEntries(fileName, [message])
    }
    throw archiveInvalid(fileName, `is not a readable .zip (${message})`)
  } finally {
    zip?.close()
  }
  if (escapes.length > 0) throw escapingEntries(fileName, escapes)
  return found
}
