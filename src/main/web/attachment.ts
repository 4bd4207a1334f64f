import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'
import { BASE_HEADERS } from './static-files'

/**
 * Sends a file the engine wrote as a download named `name` (browser mode's snapshot, export and
 * diagnosis downloads). Security: always an attachment (octet-stream unless a download type such
 * as application/gzip is given), never shown in the page's origin; the caller has already
 * checked `name` and built `file` from it.
 */
export async function sendAttachment(
  res: ServerResponse,
  file: string,
  name: string,
  isHead: boolean,
  contentType = 'application/octet-stream',
): Promise<void> {
  const { size } = await stat(file)
  res.writeHead(200, {
    ...BASE_HEADERS,
    'Content-Type': contentType,
    'Content-Length': String(size),
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
  })
  if (isHead) {
    res.end()
    return
  }
  await pipeline(createReadStream(file), res)
}

/** Answers 404 with a plain sentence naming what was not found ("no such snapshot"). */
export function sendNotFound(res: ServerResponse, what: string): void {
  res.writeHead(404, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
  res.end(`etcd Desk: no such ${what}.\n`)
}

/** A percent-decoded path segment, or null for a malformed escape (which names no file). */
export function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw)
  } catch {
    return null
  }
}
