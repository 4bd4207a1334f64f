import type { EngineLog } from '../log/engine-log'

/** One running task and the callers waiting for it. */
interface Flight<T, P> {
  promise: Promise<T>
  controller: AbortController
  listeners: Set<(progress: P) => void>
  callers: number
}

/** How one caller joins a task: its own cancel signal and progress listener. */
export interface JoinOptions<P> {
  signal?: AbortSignal
  onProgress?: (progress: P) => void
}

/**
 * Collapses concurrent requests for the same key into one task (as Electron Fiddle does for
 * downloads). Every caller gets the progress events; a caller that cancels stops waiting, and the
 * task itself is aborted only when no caller is left.
 */
export class SharedTasks<T, P> {
  private readonly flights = new Map<string, Flight<T, P>>()

  constructor(
    private readonly cancelled: (key: string) => Error,
    private readonly log: EngineLog,
  ) {}

  /** Joins the task running for `key`, or starts it with `start`. */
  run(
    key: string,
    start: (signal: AbortSignal, emit: (progress: P) => void) => Promise<T>,
    options: JoinOptions<P> = {},
  ): Promise<T> {
    if (options.signal?.aborted) return Promise.reject(this.cancelled(key))
    const flight = this.flights.get(key) ?? this.launch(key, start)
    flight.callers++
    if (options.onProgress) flight.listeners.add(options.onProgress)
    return new Promise<T>((resolve, reject) => {
      let hasLeft = false
      const onAbort = (): void => {
        hasLeft = true
        if (options.onProgress) flight.listeners.delete(options.onProgress)
        flight.callers--
        if (flight.callers > 0) return reject(this.cancelled(key))
        // Nobody waits any more: stop the task, let the next request start afresh, and answer
        // once the task has cleaned up, so a cancelled install leaves nothing behind.
        flight.controller.abort()
        this.forget(key, flight)
        const settled = (): void => reject(this.cancelled(key))
        flight.promise.then(settled, settled)
      }
      options.signal?.addEventListener('abort', onAbort, { once: true })
      const done = (settle: () => void): void => {
        options.signal?.removeEventListener('abort', onAbort)
        if (!hasLeft) settle()
      }
      flight.promise.then(
        (value) => done(() => resolve(value)),
        // Rejects with exactly what the shared task threw (an EngineError in practice).
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        (error: unknown) => done(() => reject(error)),
      )
    })
  }

  /** True while a task for `key` runs. */
  isRunning(key: string): boolean {
    return this.flights.has(key)
  }

  /** Aborts every running task; resolves once all have settled (cleaned up), whatever the outcome. */
  async abortAll(): Promise<void> {
    const flights = [...this.flights.values()]
    for (const flight of flights) flight.controller.abort()
    await Promise.allSettled(flights.map((flight) => flight.promise))
  }

  private launch(
    key: string,
    start: (signal: AbortSignal, emit: (progress: P) => void) => Promise<T>,
  ): Flight<T, P> {
    const controller = new AbortController()
    const listeners = new Set<(progress: P) => void>()
    const emit = (progress: P): void => {
      for (const listener of listeners) {
        try {
          listener(progress)
        } catch (error) {
          // A listener's bug must not break the task the other callers wait for.
          this.log.error({ err: error, task: key }, 'a progress listener threw')
        }
      }
    }
    const flight: Flight<T, P> = {
      promise: Promise.resolve().then(() => start(controller.signal, emit)),
      controller,
      listeners,
      callers: 0,
    }
    this.flights.set(key, flight)
    const forget = (): void => this.forget(key, flight)
    flight.promise.then(forget, forget)
    return flight
  }

  private forget(key: string, flight: Flight<T, P>): void {
    if (this.flights.get(key) === flight) this.flights.delete(key)
  }
}
