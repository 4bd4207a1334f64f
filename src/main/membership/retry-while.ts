import { setTimeout as sleep } from 'node:timers/promises'

/**
 * Why a steady 200 ms: etcd's refusal windows (5 s after a restart, a learner catching up) end at
 * a moment nobody can see coming; asking 5 times a second keeps the extra wait under 0.2 s, and a
 * refused membership call costs etcd next to nothing.
 */
const PAUSE_MS = 200

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
 * Runs `attempt` until it succeeds; retryable answers are waited out (steady pauses) until
 * `timeoutMs`, then RetryExhausted carries the last one. Other errors are thrown at once.
 */
export async function retryWhile<T>(
  options: RetryWhileOptions<T>,
): Promise<{ value: T; waitedMs: number }> {
  const startedAt = Date.now()
  const pause = PAUSE_MS
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
    }
  }
}
