/**
 * The write probe ("availability meter"): it writes and reads a small key through every client
 * endpoint of a cluster at a steady rate, so operations show what clients would have seen.
 */

/** The probe's keys live under this prefix (with a lease, so they vanish when it stops). */
export const PROBE_PREFIX = '__etcd_desk_probe/'

/** Writes per second the probe aims at. */
export const PROBE_RATE_PER_SECOND = 20

/** Seconds of history the probe's figures cover. */
export const PROBE_WINDOW_SECONDS = 60

/** The probe's figures over the last minute, pushed about once a second while it runs. */
export interface ProbeStats {
  cluster: string
  isRunning: boolean
  at: string
  /** Writes (each a put then a read of it) that succeeded / failed in the window. */
  ok: number
  failed: number
  /** Latency of the successful put+get round trips in the window, in ms; null before the first. */
  p50Ms: number | null
  p99Ms: number | null
  /** Since the probe started. */
  totals: { ok: number; failed: number }
  /** The last failure, in etcd's words, with the member it went to; null when none. */
  lastError: string | null
}
