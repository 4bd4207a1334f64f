import { EnvHttpProxyAgent, interceptors, type Dispatcher } from 'undici'
import { errnoOf } from './fs-errors'

/** Why 15 s: a TCP connect to a reachable host takes well under a second, even through a proxy. */
const CONNECT_TIMEOUT_MS = 15_000
/** Why 5: GitHub redirects release downloads once (to its object store); mirrors may add one more. */
const MAX_REDIRECTIONS = 5

/**
 * The HTTP client for release lists and downloads: follows redirects and honours
 * HTTP_PROXY / HTTPS_PROXY / NO_PROXY (lower-case first, like curl) from `env`.
 */
export function createDispatcher(env: NodeJS.ProcessEnv): Dispatcher {
  const httpProxy = env.http_proxy ?? env.HTTP_PROXY ?? ''
  const httpsProxy = env.https_proxy ?? env.HTTPS_PROXY ?? ''
  // '' (not undefined) stops undici from falling back to process.env when `env` is injected.
  return new EnvHttpProxyAgent({
    httpProxy,
    httpsProxy,
    noProxy: env.no_proxy ?? env.NO_PROXY ?? '',
    connect: { timeout: CONNECT_TIMEOUT_MS },
  }).compose(interceptors.redirect({ maxRedirections: MAX_REDIRECTIONS }))
}

/** Errors that mean the host could not be reached at all: no network, no DNS, nothing listening. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
])

/** Errors after which the same request may well succeed: dropped connections and timeouts. */
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'ERR_STREAM_PREMATURE_CLOSE',
])

/** How a failed request should be handled. */
export type NetworkFailure = 'unreachable' | 'stalled' | 'transient' | 'other'

/** Classifies an error thrown by a request or its body stream. */
export function classifyNetworkError(error: unknown): NetworkFailure {
  const code = errnoOf(error)
  if (code === undefined) return 'other'
  if (UNREACHABLE_CODES.has(code)) return 'unreachable'
  if (code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') return 'stalled'
  return TRANSIENT_CODES.has(code) ? 'transient' : 'other'
}

/** True for HTTP statuses worth retrying: timeouts, rate limits and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500
}

/** The host of a URL for messages ("github.com"), or the URL itself when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}
