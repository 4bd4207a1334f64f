import { createHash, type Hash } from 'node:crypto'
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingHttpHeaders } from 'node:http'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { request } from 'undici'
import { DownloadProblem } from './download-failure'
import { USER_AGENT, withRetries, type HttpRequest } from './http-request'

/** One file to fetch over HTTP into a path. */
export interface DownloadRequest extends HttpRequest {
  file: string
  onBytes?: (received: number, total: number | null) => void
}

/** A finished download: its size and the SHA-256 of the bytes in the file (lower-case hex). */
export interface DownloadedFile {
  bytes: number
  sha256: string
}

/** What the previous attempt taught about resuming. */
interface ResumeState {
  canResume: boolean
  /** ETag or Last-Modified, sent as If-Range so a changed file is never spliced onto an old one. */
  validator: string | null
}

/**
 * Streams a URL into a file with one pipeline (response body → hash → file), so the checksum is
 * known when the last byte is written and the file is never read back. Transient failures are
 * retried (see withRetries); a retry resumes with Range when the server allows, after hashing
 * the bytes already in the file.
 */
export function downloadFile(req: DownloadRequest): Promise<DownloadedFile> {
  const state: ResumeState = { canResume: false, validator: null }
  return withRetries(req, () => attemptDownload(req, state))
}

async function attemptDownload(req: DownloadRequest, state: ResumeState): Promise<DownloadedFile> {
  const have = state.canResume ? await sizeOf(req.file) : 0
  const headers: Record<string, string> = { 'user-agent': USER_AGENT }
  if (have > 0) {
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
  let start: number
  try {
    start = acceptResponse(res.statusCode, res.headers, have, state)
  } catch (error) {
    // dump() reads a short body (the connection stays usable) and quietly drops a long one.
    await res.body.dump()
    throw error
  }
  const total = totalSize(res.statusCode, res.headers)
  const hash = createHash('sha256')
  // Resumed (206): the hash starts with the bytes the file already holds.
  if (start > 0) await hashFile(req.file, hash)
  let received = start
  req.onBytes?.(received, total)
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk)
      received += chunk.length
      req.onBytes?.(received, total)
      done(null, chunk)
    },
  })
  // A 200, also one to a Range request (If-Range saw a changed file), starts the file afresh.
  const out = createWriteStream(req.file, { flags: start > 0 ? 'a' : 'w' })
  try {
    await pipeline(res.body, tap, out)
  } finally {
    // The file is closed before anything else touches it: the next attempt sizes it, a failure
    // deletes it (which Windows refuses while it is open).
    await closed(out)
  }
  if (total !== null && received !== total) {
    throw new DownloadProblem(
      'truncated',
      `the connection ended after ${received} of ${total} bytes`,
    )
  }
  return { bytes: received, sha256: hash.digest('hex') }
}

/**
 * Checks a response before its body is written and learns from it whether a later attempt may
 * resume; returns where the body starts in the file.
 */
function acceptResponse(
  status: number,
  headers: IncomingHttpHeaders,
  have: number,
  state: ResumeState,
): number {
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
  return start
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** First byte of a `Content-Range: bytes 100-199/200` answer; -1 when it cannot be read. */
function rangeStart(contentRange: string | undefined): number {
  const match = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(contentRange ?? '')
  return match ? Number(match[1]) : -1
}

function totalSize(status: number, headers: IncomingHttpHeaders): number | null {
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

/** Feeds a file's bytes into a hash: the part a resumed download already holds. */
async function hashFile(file: string, hash: Hash): Promise<void> {
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
}

function closed(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => (stream.closed ? resolve() : stream.once('close', resolve)))
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0
    throw error
  }
}
