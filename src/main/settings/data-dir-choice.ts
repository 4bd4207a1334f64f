import { readdir, stat } from 'node:fs/promises'
import { EngineError } from '../errors/engine-error'
import { DataLayout } from '../store/data-layout'
import { readMarker } from '../store/data-dir'

/**
 * Checks a data directory the user picks before it is saved, with the rules the next launch
 * applies (see prepareDataDir): it may not exist yet, be empty, or already be etcd Desk's.
 * Why now: a refused data directory at launch means the app does not start at all.
 */
export async function checkDataDirChoice(path: string): Promise<void> {
  const layout = new DataLayout(path)
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    // Not there yet is fine (it is created at the next launch); anything else is an answer.
    if (error.code === 'ENOENT') return null
    throw new EngineError('DATA_DIR_UNWRITABLE', `Cannot use ${path}: ${error.message}`, { path })
  })
  if (!info) return
  if (!info.isDirectory()) {
    throw new EngineError('DATA_DIR_UNWRITABLE', `${path} is a file, not a folder.`, { path })
  }
  const marker = await readMarker(layout)
  if (marker) return
  const entries = await readdir(path).catch((error: Error) => {
    throw new EngineError('DATA_DIR_UNWRITABLE', `Cannot read ${path}: ${error.message}`, { path })
  })
  if (entries.length > 0) {
    throw new EngineError(
      'DATA_DIR_FOREIGN',
      `${path} is not empty and is not an etcd Desk data directory. Choose an empty folder.`,
      { path, entries: entries.slice(0, 10) },
    )
  }
}
