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

/** The probe key of one member: `${PROBE_PREFIX}<member>`. */
export function probeKeyOf(member: string): string {
  return `${PROBE_PREFIX}${member}`
}

/**
 * TTL of the probe's lease, in seconds. Why 10 s: the probe keys vanish at most 10 s after the app
 * dies without revoking it, while the lease survives two missed renewals (an election, a killed
 * member) before it expires.
 */
export const PROBE_LEASE_TTL_SECONDS = 10

/**
 * Deadline of each probe call, in ms. Why 1 s: a put or a linearizable read on loopback takes a
 * few ms (fsync included), so 1 s is a hundred times that; a call still waiting after 1 s is what
 * a client would call an outage (etcd's default election timeout is 1 s, so a write during an
 * election fails here too), and a member that does not answer keeps its turn for at most this.
 */
export const PROBE_CALL_DEADLINE_MS = 1_000
