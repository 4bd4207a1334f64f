import { PROBE_RATE_PER_SECOND, PROBE_WINDOW_SECONDS } from '../../shared/probe'

/** The window's figures at one moment. */
export interface ProbeSummary {
  ok: number
  failed: number
  /** Latency of the successful attempts in the window, in ms; null before the first. */
  p50Ms: number | null
  p99Ms: number | null
}

/**
 * Why twice the planned number of attempts in a window: the ring must never drop a sample still
 * inside the window, even if attempts ran faster than planned; memory stays bounded (~40 kB).
 */
const CAPACITY = PROBE_RATE_PER_SECOND * PROBE_WINDOW_SECONDS * 2

/**
 * The probe's results of the last PROBE_WINDOW_SECONDS in a fixed-size ring (oldest overwritten
 * first), plus totals since the start. Times are monotonic milliseconds (performance.now()).
 */
export class ProbeSamples {
  private readonly at = new Float64Array(CAPACITY)
  private readonly latencyMs = new Float64Array(CAPACITY)
  private readonly isOk = new Uint8Array(CAPACITY)
  private next = 0
  private size = 0
  private totalOk = 0
  private totalFailed = 0

  constructor(private readonly windowMs = PROBE_WINDOW_SECONDS * 1000) {}

  /** Records one attempt that ended at `at` (ms); `latencyMs` counts only for successes. */
  record(at: number, isOk: boolean, latencyMs: number): void {
    this.at[this.next] = at
    this.latencyMs[this.next] = latencyMs
    this.isOk[this.next] = isOk ? 1 : 0
    this.next = (this.next + 1) % CAPACITY
    this.size = Math.min(this.size + 1, CAPACITY)
    if (isOk) this.totalOk++
    else this.totalFailed++
  }

  /** Successes and failures since the start. */
  totals(): { ok: number; failed: number } {
    return { ok: this.totalOk, failed: this.totalFailed }
  }

  /** Counts and latency percentiles of the attempts that ended within the window before `now`. */
  summary(now: number): ProbeSummary {
    const since = now - this.windowMs
    const latencies: number[] = []
    let failed = 0
    for (let i = 0; i < this.size; i++) {
      const slot = (this.next - 1 - i + CAPACITY) % CAPACITY
      if ((this.at[slot] ?? 0) < since) break
      if (this.isOk[slot] === 1) latencies.push(this.latencyMs[slot] ?? 0)
      else failed++
    }
    latencies.sort((a, b) => a - b)
    return {
      ok: latencies.length,
      failed,
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
    }
  }
}

/** Nearest-rank percentile of sorted values, to 0.1 ms; null when there are none. */
function percentile(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null
  const rank = Math.max(1, Math.ceil(fraction * sorted.length))
  return Math.round((sorted[rank - 1] ?? 0) * 10) / 10
}
