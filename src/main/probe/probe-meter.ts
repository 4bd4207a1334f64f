/** What the write probe saw during one operation. */
export interface ProbeCounts {
  ok: number
  failed: number
}

/** A measurement that runs from begin() until end(). */
export interface ProbeWindow {
  /** The probe's counts since begin(); stops a probe that begin() started. Null if none ran. */
  end(): Promise<ProbeCounts | null>
}

/**
 * Measures what clients would have seen during an operation: starts the cluster's write probe if
 * it is off (and stops it again at the end), and counts its writes in between.
 */
export interface ProbeMeter {
  begin(cluster: string, options?: MeterOptions): Promise<ProbeWindow>
  /**
   * Takes a member out of the probe's endpoints before the engine stops it on purpose, and waits
   * for the probe's attempt in flight through it (as an operator drains a member from a load
   * balancer first). The returned function puts it back; a member out of service stays out anyway.
   */
  drain(cluster: string, member: string): Promise<() => void>
}

/** How an operation is measured. */
export interface MeterOptions {
  /**
   * Only if the probe already runs: a snapshot must not capture probe keys the user never had
   * (and reading a snapshot stream costs clients nothing a probe started for it would show).
   */
  onlyIfRunning?: boolean
}
