import { readFile } from 'node:fs/promises'
import writeFileAtomic from 'write-file-atomic'

/** Writes JSON atomically (temp file + rename): a crash never leaves a half-written file. */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(value, null, 2) + '\n', { fsync: true })
}

/** Reads a JSON file, or returns null when it does not exist. */
export async function readJsonFile(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}
