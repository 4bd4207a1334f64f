import { createWriteStream } from 'node:fs'
import { rename, rm, stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { Header } from 'tar'
import type { BundleEntry } from './bundle-entry'

const BLOCK = 512

/**
 * Writes `entries` as a .tar.gz with every file under one folder (`folder/…`), through a
 * `.partial` file moved into place when complete: a failed write leaves nothing behind. Headers
 * are encoded by the `tar` package (ustar, long paths split into its prefix field). Security:
 * the archive is readable by its owner only (it holds logs). Answers its size in bytes.
 */
export async function writeArchive(
  target: string,
  folder: string,
  entries: readonly BundleEntry[],
): Promise<number> {
  const partial = `${target}.partial`
  try {
    await pipeline(
      Readable.from(tarBlocks(folder, entries)),
      createGzip(),
      createWriteStream(partial, { mode: 0o600 }),
    )
    await rename(partial, target)
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  }
  return (await stat(target)).size
}

function* tarBlocks(folder: string, entries: readonly BundleEntry[]): Generator<Buffer> {
  const mtime = new Date()
  const dirs = new Set<string>([folder])
  for (const entry of entries) {
    const parts = entry.path.split('/')
    for (let i = 1; i < parts.length; i++) dirs.add(`${folder}/${parts.slice(0, i).join('/')}`)
  }
  for (const dir of dirs) yield header(`${dir}/`, 'Directory', 0o700, 0, mtime)
  for (const entry of entries) {
    const body = Buffer.from(entry.text, 'utf8')
    yield header(`${folder}/${entry.path}`, 'File', 0o600, body.length, mtime)
    yield body
    if (body.length % BLOCK) yield Buffer.alloc(BLOCK - (body.length % BLOCK))
  }
  // Two empty blocks end a tar archive.
  yield Buffer.alloc(2 * BLOCK)
}

function header(
  path: string,
  type: 'File' | 'Directory',
  mode: number,
  size: number,
  mtime: Date,
): Buffer {
  const block = Buffer.alloc(BLOCK)
  const needsPax = new Header({ path, mode, size, type, mtime, uid: 0, gid: 0 }).encode(block, 0)
  // Paths are the engine's own (validated cluster and member names): never too long for ustar.
  if (needsPax) throw new Error(`diagnosis archive: the path ${path} is too long for a tar header`)
  return block
}
