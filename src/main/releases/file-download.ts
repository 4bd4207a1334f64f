import { open, stat } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { request } from 'undici'
import { FileSink } from './file-sink'
import { DownloadProblem } from './download-failure'
import { USER_AGENT, withRetries, type HttpRequest } from './http-request'

/** One file to fetch over HTTP into a path. */
export interface DownloadRequest extends HttpRequest {
  file: string
  onBytes?: (received: number, total: number | null) => void
}

/** What the previous attempt taught about resuming. */
interface ResumeState {
  canResume: boolean
  /** ETag or Last-Modified, sent as If-Range so a changed file is never spliced onto an old one. */
  validator: string | null
}

/**
 * Streams a URL into a file, never holding it in memory; transient failures are retried (see
 * withRetries), resuming with `Range` when the server allows.
 */
export function downloadFile(req: DownloadRequest): Promise<{ bytes: number }> {
  const state: ResumeState = { canResume: false, validator: null }
  return withRetries(req, () => attemptDownload(req, state))
}

async function attemptDownload(
  req: DownloadRequest,
  state: ResumeState,
): Promise<{ bytes: number }> {
  const have = await sizeOf(req.file)
  const headers: Record<string, string> = { 'user-agent': USER_AGENT }
  if (have > 0 && state.canResume) {
    headers.range = `bytes=${have}-`
    if (state.validator) headers['if-range'] = state.validator
  }
  const res = await request(req.url, {
    dispatcher: req.dispatcher,
    signal: req.signal,
    headers,
    headersTimeout: req.stallTimeoutMs,
    bodyTimeout: req.stallTimeoutMs,
  })
  if (res.statusCode !== 200 && res.statusCode !== 206) {
    await res.body.dump()
    throw new DownloadProblem('status', `HTTP ${res.statusCode}`, res.statusCode)
  }
  const start = res.statusCode === 206 ? rangeStart(header(res.headers, 'content-range')) : 0
  if (res.statusCode === 206 && start !== have) {
    res.body.destroy()
    state.canResume = false
    throw new DownloadProblem('range', `the server resumed at byte ${start}, not ${have}`)
  }
  state.canResume = res.statusCode === 206 || header(res.headers, 'accept-ranges') === 'bytes'
  state.validator =
    strongEtag(header(res.headers, 'etag')) ?? header(res.headers, 'last-modified') ?? null
  const total = totalSize(res.statusCode, res.headers)
  const received = await streamToFile(req, res.body, start, total)
  if (total !== null && received !== total) {
    throw new DownloadProblem(
      'truncated',
      `the connection ended after ${received} of ${total} bytes`,
    )
  }
  return { bytes: received }
}

async function streamToFile(
  req: DownloadRequest,
  body: Readable,
  start: number,
  total: number | null,
): Promise<number> {
  let received = start
  req.onBytes?.(received, total)
  const handle = await open(req.file, start > 0 ? 'a' : 'w')
  try {
    const sink = new FileSink(handle, (bytes) => {
      received += bytes
      req.onBytes?.(received, total)
    })
    await pipeline(body, sink, { signal: req.signal })
  } finally {
    await handle.close()
  }
  return received
}

type Headers = Record<string, string | string[] | undefined>

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** First byte of a `Content-Range: bytes 100-199/200` answer; -1 when it cannot be read. */
function rangeStart(contentRange: string | undefined): number {
  const match = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(contentRange ?? '')
  return match ? Number(match[1]) : -1
}

function totalSize(status: number, headers: Headers): number | null {
  if (status === 206) {
    const match = /\/(\d+)$/.exec(header(headers, 'content-range') ?? '')
    return match ? Number(match[1]) : null
  }
  const length = header(headers, 'content-length')
  return length !== undefined && /^\d+$/.test(length) ? Number(length) : null
}

/** If-Range needs a strong validator; a weak ETag (W/"…") may not be used there. */
function strongEtag(etag: string | undefined): string | undefined {
  return etag && !etag.startsWith('W/') ? etag : undefined
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0
    throw error
  }
}
