import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { GRPCUnavailableError } from 'etcd3'
import { PROBE_CALL_DEADLINE_MS } from '../../shared/probe'

/** Why 25 ms: the backoff etcd's Go client (clientv3) waits between retries of a call. */
const RETRY_BACKOFF_MS = 25

/**
 * True for a proposal etcd dropped before it entered the log ("raft proposal dropped", e.g. while
 * leadership moves to another member): it was never applied, so sending it again is safe.
 */
export function isDroppedProposal(error: unknown): boolean {
  return error instanceof Error && error.message.includes('raft proposal dropped')
}

/** True for UNAVAILABLE ("leader changed", …): the Go client retries read-only calls on it. */
export function isUnavailable(error: unknown): boolean {
  return error instanceof GRPCUnavailableError
}

/**
 * Runs `call`, again after RETRY_BACKOFF_MS while it fails with an error `isRetryable` accepts,
 * for at most one call deadline in all; the last error is thrown. What a retrying client sees:
 * the blip becomes latency, not a failure, when etcd recovers within the deadline.
 */
export async function retryWithin<T>(
  call: () => Promise<T>,
  isRetryable: (error: unknown) => boolean,
): Promise<T> {
  const until = performance.now() + PROBE_CALL_DEADLINE_MS
  for (;;) {
    try {
      return await call()
    } catch (error) {
      if (!isRetryable(error) || performance.now() + RETRY_BACKOFF_MS > until) throw error
      await sleep(RETRY_BACKOFF_MS)
    }
  }
}
