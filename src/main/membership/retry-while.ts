import { setTimeout as sleep } from 'node:timers/promises'

/** Why 250 ms doubling to 1 s: etcd's refusal windows last seconds; a tighter loop only adds load. */
const FIRST_PAUSE_MS = 250
const MAX_PAUSE_MS = 1_000

/** A call retried while etcd gives an answer that time will change. */
export interface RetryWhileOptions<T> {
  attempt: () => Promise<T>
  /** True for an answer worth waiting out ("unhealthy cluster", "learner not in sync"). */
  isRetryable: (error: unknown) => boolean
  /** Gives up after this long (the last answer is thrown). */
  timeoutMs: number
  signal: AbortSignal
  /** Told before each pause: the answer, and how long it has waited so far. */
  onWait: (error: unknown, waitedMs: number) => void
}

/** The last answer when waiting did not help, and how long was waited. */
export class RetryExhausted extends Error {
  constructor(
    readonly last: unknown,
    readonly waitedMs: number,
  ) {
    super(last instanceof Error ? last.message : String(last))
    this.name = 'RetryExhausted'
  }
}

/**
 * Runs `attempt` until it succeeds; retryable answers are waited out (with growing pauses) until
 * `timeoutMs`, then RetryExhausted carries the last one. Other errors are thrown at once.
 */
export async function retryWhile<T>(
  options: RetryWhileOptions<T>,
): Promise<{ value: T; waitedMs: number }> {
  const startedAt = Date.now()
  let pause = FIRST_PAUSE_MS
  for (;;) {
    options.signal.throwIfAborted()
    try {
      return { value: await options.attempt(), waitedMs: Date.now() - startedAt }
    } catch (error) {
      const waitedMs = Date.now() - startedAt
      if (!options.isRetryable(error)) throw error
      if (waitedMs + pause > options.timeoutMs) throw new RetryExhausted(error, waitedMs)
      options.onWait(error, waitedMs)
      // sleep() rejects only when cancelled: throw the signal's reason (OPERATION_CANCELLED).
      await sleep(pause, undefined, { signal: options.signal }).catch((cancel: unknown) => {
        options.signal.throwIfAborted()
        throw cancel
      })
      pause = Math.min(pause * 2, MAX_PAUSE_MS)
    }
  }
}
