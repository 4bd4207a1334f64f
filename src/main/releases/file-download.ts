import { constants, ftruncateSync } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { DownloadProblem } from './download-failure'
import { dispatchToFile, type AcceptedResponse } from './file-dispatch'
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
  const isResuming = have > 0 && state.canResume
  const headers: Record<string, string> = { 'user-agent': USER_AGENT }
  if (isResuming) {
    headers.range = `bytes=${have}-`
    if (state.validator) headers['if-range'] = state.validator
  }
  // Without a Range request the file starts afresh; with one it is kept until the answer says.
  const handle = await open(req.file, isResuming ? constants.O_WRONLY | constants.O_CREAT : 'w')
  let total: number | null = null
  let received: number
  try {
    received = await dispatchToFile({
      dispatcher: req.dispatcher,
      url: req.url,
      headers,
      stallTimeoutMs: req.stallTimeoutMs,
      signal: req.signal,
      handle,
      onBytes: req.onBytes,
      accept: (status, headers) => {
        const accepted = acceptResponse(status, headers, have, state)
        // The server sent the whole file after all (If-Range saw a change): drop the old bytes.
        if (isResuming && accepted.start === 0) ftruncateSync(handle.fd, 0)
        total = accepted.total
        return accepted
      },
    })
  } finally {
    await handle.close()
  }
  if (total !== null && received !== total) {
    throw new DownloadProblem(
      'truncated',
      `the connection ended after ${received} of ${total} bytes`,
    )
  }
  return { bytes: received }
}

/**
 * Checks a response before its body is written and learns from it whether a later attempt may
 * resume; returns where the body starts in the file and the whole file's size.
 */
function acceptResponse(
  status: number,
  headers: Headers,
  have: number,
  state: ResumeState,
): AcceptedResponse {
  if (status !== 200 && status !== 206) {
    throw new DownloadProblem('status', `HTTP ${status}`, status)
  }
  const start = status === 206 ? rangeStart(header(headers, 'content-range')) : 0
  if (status === 206 && start !== have) {
    state.canResume = false
    throw new DownloadProblem('range', `the server resumed at byte ${start}, not ${have}`)
  }
  state.canResume = status === 206 || header(headers, 'accept-ranges') === 'bytes'
  state.validator = strongEtag(header(headers, 'etag')) ?? header(headers, 'last-modified') ?? null
  return { start, total: totalSize(status, headers) }
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
