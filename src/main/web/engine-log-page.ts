import { open } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { BASE_HEADERS } from './static-files'

/** Why 1 MiB: the newest lines are what a user looks for; the whole file can be 5 MB and rotated. */
const ENGINE_LOG_TAIL_BYTES = 1024 * 1024

/**
 * Serves the end of the engine log as plain text (browser mode's "View engine log"). Security:
 * plain text with nosniff, so nothing in a log line can run in the page's origin.
 */
export async function serveEngineLog(
  res: ServerResponse,
  file: string,
  isHead: boolean,
): Promise<void> {
  const text = await readTail(file, ENGINE_LOG_TAIL_BYTES)
  res.writeHead(200, {
    ...BASE_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  res.end(isHead ? undefined : text)
}

/** The last `bytes` of a file from the start of a line ('' when there is no file yet). */
async function readTail(file: string, bytes: number): Promise<string> {
  let handle
  try {
    handle = await open(file, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ''
    throw error
  }
  try {
    const { size } = await handle.stat()
    const start = Math.max(0, size - bytes)
    const buffer = Buffer.alloc(size - start)
    await handle.read(buffer, 0, buffer.length, start)
    const text = buffer.toString('utf8')
    return start === 0 ? text : text.slice(text.indexOf('\n') + 1)
  } finally {
    await handle.close()
  }
}
