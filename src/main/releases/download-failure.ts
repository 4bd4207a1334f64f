import { EngineError, isEngineError } from '../errors/engine-error'
import { diskError, errnoOf } from './fs-errors'
import { classifyNetworkError, hostOf, isRetryableStatus } from './http-client'

/** What went wrong in a response that arrived: a bad status or range, a short or huge body, not HTTP. */
export type DownloadProblemKind = 'status' | 'range' | 'truncated' | 'too-large'

/** A failure the downloader detected itself (as opposed to a socket or disk error). */
export class DownloadProblem extends Error {
  constructor(
    readonly kind: DownloadProblemKind,
    message: string,
    readonly status?: number,
  ) {
    super(message)
    this.name = 'DownloadProblem'
  }
}

/** The request a failure happened in, as far as the message needs it. */
interface FailedRequest {
  url: string
  file?: string
  label: string
  stallTimeoutMs: number
  signal?: AbortSignal
}

/** A failure as the user sees it, and whether trying the same URL again makes sense. */
export interface DownloadFailure {
  error: EngineError
  isRetryable: boolean
}

/** Turns anything a download attempt threw into a coded engine error, and says if it is worth a retry. */
export function downloadFailure(
  error: unknown,
  req: FailedRequest,
  attempt: number,
): DownloadFailure {
  const host = hostOf(req.url)
  const detail = { url: req.url, attempts: attempt }
  if (req.signal?.aborted) {
    const message = `The download of ${req.label} was cancelled.`
    return { error: new EngineError('DOWNLOAD_CANCELLED', message, detail), isRetryable: false }
  }
  if (isEngineError(error)) return { error, isRetryable: false }
  const disk = diskError(error, `save ${req.label}`, req.file ?? req.url)
  if (isEngineError(disk)) return { error: disk, isRetryable: false }
  if (error instanceof DownloadProblem) return problemFailure(error, req, attempt)
  const code = errnoOf(error)
  const text = error instanceof Error ? error.message : String(error)
  const reason = code && !text.includes(code) ? `${text} (${code})` : text
  switch (classifyNetworkError(error)) {
    case 'unreachable':
      return {
        error: new EngineError('OFFLINE', `Could not reach ${host} for ${req.label} (${reason}).`, {
          ...detail,
          reason,
        }),
        isRetryable: false,
      }
    case 'stalled':
      return failed(
        `${host} sent nothing for ${req.stallTimeoutMs / 1000} s while downloading ${req.label}`,
        { ...detail, reason: 'stalled' },
        attempt,
        true,
      )
    case 'transient':
      return failed(
        `Downloading ${req.label} from ${host} failed: ${reason}`,
        detail,
        attempt,
        true,
      )
    case 'other':
      return failed(
        `Downloading ${req.label} from ${host} failed: ${reason}`,
        detail,
        attempt,
        false,
      )
  }
}

function problemFailure(
  problem: DownloadProblem,
  req: FailedRequest,
  attempt: number,
): DownloadFailure {
  const host = hostOf(req.url)
  const detail = { url: req.url, attempts: attempt, reason: problem.kind, status: problem.status }
  if (problem.kind === 'status' && (problem.status === 404 || problem.status === 410)) {
    return {
      error: new EngineError(
        'RELEASE_NOT_FOUND',
        `${req.label} is not on ${host} (HTTP ${problem.status} for ${req.url}).`,
        detail,
      ),
      isRetryable: false,
    }
  }
  const isRetryable =
    problem.kind === 'range' ||
    problem.kind === 'truncated' ||
    (problem.kind === 'status' && isRetryableStatus(problem.status ?? 0))
  return failed(
    `Downloading ${req.label} from ${host} failed: ${problem.message}`,
    detail,
    attempt,
    isRetryable,
  )
}

function failed(
  message: string,
  detail: Record<string, unknown>,
  attempt: number,
  isRetryable: boolean,
): DownloadFailure {
  const tries = attempt === 1 ? '1 attempt' : `${attempt} attempts`
  return {
    error: new EngineError('DOWNLOAD_FAILED', `${message} (${tries}).`, detail),
    isRetryable,
  }
}
