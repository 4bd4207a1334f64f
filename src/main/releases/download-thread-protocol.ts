import type { RetryPolicy } from './http-request'

/** A download as the thread gets it: plain data, since functions and signals cannot cross. */
export interface ThreadDownloadRequest {
  url: string
  file: string
  stallTimeoutMs: number
  retry: RetryPolicy
  label: string
}

/** The engine thread's messages to the download thread. */
export type ToDownloadThread =
  { type: 'download'; id: number; request: ThreadDownloadRequest } | { type: 'cancel'; id: number }

/** An error as it crosses back: EngineErrors keep their code and detail. */
export interface ThreadError {
  name: string
  message: string
  code?: string
  detail?: Record<string, unknown>
}

/** The download thread's messages to the engine thread. */
export type FromDownloadThread =
  | { type: 'bytes'; id: number; received: number; total: number | null }
  | { type: 'done'; id: number; bytes: number }
  | { type: 'failed'; id: number; error: ThreadError }

/** What the download thread is started with. */
export interface DownloadThreadData {
  /** The proxy variables (HTTP_PROXY, HTTPS_PROXY, NO_PROXY and lower-case forms) to honour. */
  proxyEnv: Record<string, string>
}

/** Proxy variable names, as createDispatcher reads them. */
export const PROXY_VARIABLES = [
  'http_proxy',
  'HTTP_PROXY',
  'https_proxy',
  'HTTPS_PROXY',
  'no_proxy',
  'NO_PROXY',
] as const
