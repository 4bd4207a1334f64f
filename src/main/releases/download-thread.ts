import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ErrorCode } from '../../shared/result'
import { EngineError } from '../errors/engine-error'
import {
  PROXY_VARIABLES,
  type DownloadThreadData,
  type FromDownloadThread,
  type ThreadDownloadRequest,
  type ThreadError,
  type ToDownloadThread,
} from './download-thread-protocol'

/**
 * Why 60 s: a create that installs several versions, or a retry after an error, finds the thread
 * warm; an idle thread still holds ~25 MB (its own V8 heap and code), so it does not stay for good.
 */
const DEFAULT_IDLE_MS = 60_000

/** A download for the thread, with the callbacks that stay on this side. */
export interface ThreadDownload extends ThreadDownloadRequest {
  signal?: AbortSignal
  onBytes?: (received: number, total: number | null) => void
}

/** How a DownloadThread is set up. */
export interface DownloadThreadOptions {
  /** Proxy variables are taken from here (see createDispatcher). */
  env: NodeJS.ProcessEnv
  /** How long the thread stays after its last download. */
  idleMs?: number
  /** The worker script; default: download-worker next to this module. For tests of a build. */
  script?: string
}

/** One download the thread is running, as this side follows it. */
interface Pending {
  req: ThreadDownload
  total: number | null
  resolve: (result: { bytes: number }) => void
  reject: (error: Error) => void
  onAbort: () => void
}

/**
 * Runs release downloads (downloadFile) in a worker thread. Why: at ~1 GB/s every socket read
 * allocates a 64 KB buffer, and in the engine's heap (etcd clients, logs, key pages: ~50 MB) the
 * garbage collections this triggers cost ~40% of a download's time (bench/download.ts: 1.5-1.8x
 * curl in the engine thread, ~1.0x in a thread of its own). It also keeps the engine's event loop,
 * which serves the window, free during a download. The thread starts on the first download and
 * ends after `idleMs` without one.
 */
export class DownloadThread {
  private worker: Worker | null = null
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private idleTimer: NodeJS.Timeout | null = null
  private isClosed = false

  constructor(private readonly options: DownloadThreadOptions) {}

  /** Whether the worker thread is running now (it starts on demand and stops when idle). */
  get isRunning(): boolean {
    return this.worker !== null
  }

  /**
   * Downloads like downloadFile, in the thread; rejects with the same EngineErrors
   * (DOWNLOAD_CANCELLED when `signal` aborts, DOWNLOAD_FAILED when the thread itself dies).
   */
  download(req: ThreadDownload): Promise<{ bytes: number }> {
    if (this.isClosed) return Promise.reject(closedError(req))
    if (req.signal?.aborted) return Promise.reject(cancelledError(req))
    const worker = this.start()
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      const onAbort = (): void =>
        worker.postMessage({ type: 'cancel', id } satisfies ToDownloadThread)
      req.signal?.addEventListener('abort', onAbort, { once: true })
      this.pending.set(id, { req, total: null, resolve, reject, onAbort })
      const { url, file, stallTimeoutMs, retry, label } = req
      const request: ThreadDownloadRequest = { url, file, stallTimeoutMs, retry, label }
      worker.postMessage({ type: 'download', id, request } satisfies ToDownloadThread)
    })
  }

  /**
   * Stops the thread, then fails running downloads with DOWNLOAD_CANCELLED: only once the thread
   * has ended (and Node has closed its files), so callers may delete them at once, also on
   * Windows. Later downloads are refused.
   */
  async close(): Promise<void> {
    this.isClosed = true
    const worker = this.worker
    if (!worker) return
    this.forget(worker)
    await worker.terminate()
    this.failAll((p) => cancelledError(p.req))
  }

  private start(): Worker {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    if (this.worker) {
      this.worker.ref()
      return this.worker
    }
    const { code, isEval } = workerScript(this.options.script)
    const workerData: DownloadThreadData = { proxyEnv: proxyEnvOf(this.options.env) }
    const worker = new Worker(code, { workerData, eval: isEval })
    worker.on('message', (message: FromDownloadThread) => this.onMessage(message))
    worker.on('error', (error) => this.stopped(worker, (p) => threadDied(p.req, error.message)))
    worker.on('exit', (code) => this.stopped(worker, (p) => threadDied(p.req, `exit code ${code}`)))
    this.worker = worker
    return worker
  }

  private onMessage(message: FromDownloadThread): void {
    const pending = this.pending.get(message.id)
    if (!pending) return
    if (message.type === 'bytes') {
      pending.total = message.total
      return pending.req.onBytes?.(message.received, message.total)
    }
    this.pending.delete(message.id)
    pending.req.signal?.removeEventListener('abort', pending.onAbort)
    if (message.type === 'done') {
      pending.req.onBytes?.(message.bytes, pending.total)
      pending.resolve({ bytes: message.bytes })
    } else {
      pending.reject(fromThreadError(message.error))
    }
    if (this.pending.size === 0) this.idle()
  }

  /** No download left: the thread no longer keeps the process alive, and ends after idleMs. */
  private idle(): void {
    const worker = this.worker
    if (!worker || this.isClosed) return
    worker.unref()
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null
      if (this.worker !== worker || this.pending.size > 0) return
      this.forget(worker)
      void worker.terminate()
    }, this.options.idleMs ?? DEFAULT_IDLE_MS)
    this.idleTimer.unref()
  }

  /** The thread ended by itself (error or exit): its downloads fail with `failure`. */
  private stopped(worker: Worker, failure: (p: Pending) => Error): void {
    if (this.worker !== worker) return // an end that idle() or close() asked for
    this.forget(worker)
    this.failAll(failure)
  }

  /** Drops the current thread, so its exit is no longer a surprise. */
  private forget(worker: Worker): void {
    if (this.worker === worker) this.worker = null
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
  }

  private failAll(failure: (p: Pending) => Error): void {
    for (const [id, pending] of this.pending) {
      this.pending.delete(id)
      pending.req.signal?.removeEventListener('abort', pending.onAbort)
      pending.reject(failure(pending))
    }
  }
}

/**
 * How to start the worker. Platform branch: from source (tsx, vitest) the worker is TypeScript,
 * and Node passes neither a parent's loaders nor `--import tsx` hooks to a worker, so a two-line
 * CommonJS bootstrap registers tsx's require hook and then loads it (paths JSON-quoted, never
 * user input). The built app runs download-worker.js next to the bundle (electron.vite.config.ts).
 */
function workerScript(override?: string): { code: string; isEval: boolean } {
  const here = fileURLToPath(import.meta.url)
  const isSource = here.endsWith('.ts')
  const script = override ?? join(dirname(here), `download-worker.${isSource ? 'ts' : 'js'}`)
  if (!script.endsWith('.ts')) return { code: script, isEval: false }
  const tsx = createRequire(here).resolve('tsx/cjs')
  return {
    code: `require(${JSON.stringify(tsx)}); require(${JSON.stringify(script)})`,
    isEval: true,
  }
}

function proxyEnvOf(env: NodeJS.ProcessEnv): Record<string, string> {
  const picked: Record<string, string> = {}
  for (const name of PROXY_VARIABLES) {
    const value = env[name]
    if (value !== undefined) picked[name] = value
  }
  return picked
}

function fromThreadError(error: ThreadError): Error {
  if (error.name === 'EngineError' && error.code) {
    return new EngineError(error.code as ErrorCode, error.message, error.detail)
  }
  return Object.assign(new Error(error.message), { name: error.name, code: error.code })
}

function cancelledError(req: ThreadDownload): EngineError {
  return new EngineError('DOWNLOAD_CANCELLED', `The download of ${req.label} was cancelled.`, {
    url: req.url,
  })
}

function closedError(req: ThreadDownload): EngineError {
  return new EngineError(
    'DOWNLOAD_CANCELLED',
    `The download of ${req.label} was not started: the engine is shutting down.`,
    { url: req.url },
  )
}

function threadDied(req: ThreadDownload, why: string): EngineError {
  return new EngineError(
    'DOWNLOAD_FAILED',
    `The download of ${req.label} stopped: its download thread ended unexpectedly (${why}). Try again.`,
    { url: req.url, reason: 'thread' },
  )
}
