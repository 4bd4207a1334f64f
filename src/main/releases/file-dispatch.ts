import type { FileHandle } from 'node:fs/promises'
import type { IncomingHttpHeaders } from 'node:http'
import type { Dispatcher } from 'undici'
import { FileSink } from './file-sink'

/** Where an accepted response's body goes: the file position of its first byte, and the size. */
export interface AcceptedResponse {
  start: number
  total: number | null
}

/** One GET whose body is written into an open file. */
export interface FileDispatch {
  dispatcher: Dispatcher
  url: string
  headers: Record<string, string>
  /** Headers and then each body chunk must arrive within this long. */
  stallTimeoutMs: number
  signal?: AbortSignal
  handle: FileHandle
  /** Checks the status and headers; returns where the body goes, or throws to refuse it. */
  accept: (status: number, headers: IncomingHttpHeaders) => AcceptedResponse
  onBytes?: (received: number, total: number | null) => void
}

/**
 * Sends a GET through undici and writes its body into the file straight from the response
 * callbacks: no Readable, pipeline or promise per chunk.
 * Resolves with the file position after the last byte; rejects with the network, disk or
 * `accept` error or the signal's reason, and only once no write is running any more, so the
 * caller may close the file at once.
 */
export function dispatchToFile(req: FileDispatch): Promise<number> {
  return new Promise((resolve, reject) => {
    if (req.signal?.aborted) return reject(req.signal.reason as Error)
    const url = new URL(req.url)
    const handler = new FileDispatchHandler(req, resolve, reject)
    const timeouts = { headersTimeout: req.stallTimeoutMs, bodyTimeout: req.stallTimeoutMs }
    try {
      const path = url.pathname + url.search
      req.dispatcher.dispatch(
        { origin: url.origin, path, method: 'GET', headers: req.headers, ...timeouts },
        handler,
      )
    } catch (error) {
      handler.onResponseError(null, error as Error)
    }
  })
}

/** The handler behind dispatchToFile; callbacks are bound once, nothing is made per chunk. */
class FileDispatchHandler implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | null = null
  private sink: FileSink | null = null
  private total: number | null = null
  private received = 0
  private isSettled = false

  constructor(
    private readonly req: FileDispatch,
    private readonly resolve: (position: number) => void,
    private readonly reject: (error: Error) => void,
  ) {
    req.signal?.addEventListener('abort', this.onAbort, { once: true })
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller
    // Also after a redirect: the next hop is a new request that must not outlive a cancel.
    const signal = this.req.signal
    if (this.isSettled || signal?.aborted) controller.abort(signal?.reason as Error)
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    status: number,
    headers: IncomingHttpHeaders,
  ): void {
    try {
      const { start, total } = this.req.accept(status, headers)
      this.total = total
      this.received = start
      this.sink = new FileSink(this.req.handle, start, this.onWritten, this.onDrain)
      this.req.onBytes?.(start, total)
    } catch (error) {
      controller.abort(error as Error)
    }
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    try {
      if (!this.sink!.write(chunk)) controller.pause()
    } catch (error) {
      controller.abort(error as Error)
    }
  }

  onResponseEnd(): void {
    this.settle(null)
  }

  onResponseError(_controller: unknown, error: Error): void {
    this.settle(error)
  }

  private readonly onWritten = (position: number): void => {
    this.received = position
    this.req.onBytes?.(position, this.total)
  }

  private readonly onDrain = (error?: Error): void => {
    if (error) this.controller?.abort(error)
    else this.controller?.resume()
  }

  /** Cancelling: a running request is aborted (and settles through onResponseError). */
  private readonly onAbort = (): void => {
    if (this.controller) return this.controller.abort(this.req.signal!.reason as Error)
    // Not on a connection yet, so nothing was written: give up now, abort it when it starts.
    this.settle(this.req.signal!.reason as Error)
  }

  private settle(error: Error | null): void {
    if (this.isSettled) return
    this.isSettled = true
    this.req.signal?.removeEventListener('abort', this.onAbort)
    const written = this.sink ? this.sink.flush() : Promise.resolve()
    written.then(
      () => (error ? this.reject(error) : this.resolve(this.received)),
      (writeError: Error) => this.reject(error ?? writeError),
    )
  }
}
