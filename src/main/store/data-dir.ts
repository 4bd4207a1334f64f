import { access, mkdir, readdir } from 'node:fs/promises'
import { EngineError } from '../errors/engine-error'
import type { DataLayout } from './data-layout'
import { readJsonFile, writeJsonAtomic } from './json-file'

/** Format of the data directory; bumped when its layout changes. */
const DATA_DIR_FORMAT = 1

/**
 * Makes sure the data directory is ours (or empty) and writable. A non-empty folder without our
 * marker is refused: deleting a cluster removes folders, so the engine must never adopt a
 * directory that holds someone else's files.
 */
export async function prepareDataDir(layout: DataLayout): Promise<void> {
  try {
    await mkdir(layout.root, { recursive: true })
  } catch (error) {
    throw new EngineError(
      'DATA_DIR_UNWRITABLE',
      `Cannot create the data directory ${layout.root}: ${(error as Error).message}`,
      { path: layout.root },
    )
  }
  const marker = await readMarker(layout)
  if (!marker) {
    const entries = await readdir(layout.root)
    if (entries.length > 0) {
      throw new EngineError(
        'DATA_DIR_FOREIGN',
        `${layout.root} is not empty and is not an etcd Desk data directory. Choose an empty folder.`,
        { path: layout.root, entries: entries.slice(0, 10) },
      )
    }
    try {
      await writeJsonAtomic(layout.marker, { app: 'etcd-desk', format: DATA_DIR_FORMAT })
    } catch (error) {
      throw new EngineError(
        'DATA_DIR_UNWRITABLE',
        `Cannot write to the data directory ${layout.root}: ${(error as Error).message}`,
        { path: layout.root },
      )
    }
  }
  await mkdir(layout.clustersDir, { recursive: true })
  await access(layout.clustersDir)
}

/**
 * The data directory's marker (etcd-desk.json), or null when there is none. A marker that cannot
 * be read is reported, naming the file: treating it as absent would call our own folder foreign.
 */
export async function readMarker(layout: DataLayout): Promise<unknown> {
  try {
    return await readJsonFile(layout.marker)
  } catch (error) {
    throw new EngineError(
      'DATA_DIR_FOREIGN',
      `${layout.marker} cannot be read (${(error as Error).message}). If this is an etcd Desk data directory, fix or remove that file; otherwise choose another folder.`,
      { path: layout.root, entries: [] },
    )
  }
}
