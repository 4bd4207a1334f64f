import { setTimeout as sleep } from 'node:timers/promises'
import { request, type Dispatcher } from 'undici'
import { downloadFailure, DownloadProblem } from './download-failure'

/** How often and how patiently a failed request is repeated. */
export interface RetryPolicy {
  /** Tries per URL, the first included. */
  attempts: number
  /** Wait before the second try; doubled before each further one. */
  delayMs: number
}

/** What every release request needs: where, through which client, and how patiently. */
export interface HttpRequest {
  url: string
  dispatcher: Dispatcher
  /** Gives up on a connection that sends nothing for this long (then retries). */
  stallTimeoutMs: number
  retry: RetryPolicy
  /** What is fetched, for messages: "etcd 3.5.17 (etcd-v3.5.17-linux-amd64.tar.gz)". */
  label: string
  signal?: AbortSignal
}

/** Sent with every request; GitHub's API refuses requests without a User-Agent. */
export const USER_AGENT = 'etcd-desk'

/**
 * Runs `attempt` until it succeeds, retrying transient failures (dropped connection, stall, 5xx)
 * with exponential backoff. Failures become EngineErrors: RELEASE_NOT_FOUND, OFFLINE,
 * DOWNLOAD_FAILED, DOWNLOAD_CANCELLED, DISK_FULL, DATA_DIR_UNWRITABLE.
 */
export async function withRetries<T>(
  req: HttpRequest & { file?: string },
  attempt: () => Promise<T>,
): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      req.signal?.throwIfAborted()
      return await attempt()
    } catch (error) {
      const failure = downloadFailure(error, req, tries)
      if (!failure.isRetryable || tries >= req.retry.attempts) throw failure.error
      // Cancelled while waiting: the sleep's AbortError becomes DOWNLOAD_CANCELLED.
      await sleep(req.retry.delayMs * 2 ** (tries - 1), undefined, { signal: req.signal }).catch(
        (abort: unknown) => {
          throw downloadFailure(abort, req, tries).error
        },
      )
    }
  }
}

/** Fetches a small text (such as SHA256SUMS) into memory, refusing more than `maxBytes`. */
export function fetchText(req: HttpRequest, maxBytes: number): Promise<string> {
  return withRetries(req, async () => {
    const res = await request(req.url, {
      dispatcher: req.dispatcher,
      signal: req.signal,
      headers: { 'user-agent': USER_AGENT },
      headersTimeout: req.stallTimeoutMs,
      bodyTimeout: req.stallTimeoutMs,
    })
    if (res.statusCode !== 200) {
      await res.body.dump()
      throw new DownloadProblem('status', `HTTP ${res.statusCode}`, res.statusCode)
    }
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length
      if (size > maxBytes) {
        res.body.destroy()
        throw new DownloadProblem('too-large', `more than ${maxBytes} bytes`)
      }
      chunks.push(chunk as Buffer)
    }
    return Buffer.concat(chunks).toString('utf8')
  })
}
