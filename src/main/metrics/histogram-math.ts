/** A Prometheus histogram: cumulative counts by upper bound, sorted, ending with +Inf. */
export interface Histogram {
  /** [upper bound (le), cumulative count]; the last bound is Infinity. */
  buckets: Array<[le: number, count: number]>
}

/**
 * The q-quantile of the observations made between two readings of a cumulative histogram, the way
 * Prometheus' histogram_quantile() estimates it: linear within the bucket that holds the rank,
 * the highest finite bound when the rank falls in +Inf. Null when nothing was observed. When the
 * counts went down (the member restarted and its counters began again), `current` alone is used.
 */
export function quantileBetween(
  previous: Histogram | null,
  current: Histogram,
  q: number,
): number | null {
  const bounds = current.buckets.map(([le]) => le)
  const now = current.buckets.map(([, count]) => count)
  const before =
    previous && sameBounds(previous, bounds) ? previous.buckets.map(([, c]) => c) : null
  const isReset = !before || before.some((count, i) => count > (now[i] ?? 0))
  const deltas = now.map((count, i) => (isReset ? count : count - (before?.[i] ?? 0)))
  const total = deltas.at(-1) ?? 0
  if (total <= 0) return null
  const rank = q * total
  const i = deltas.findIndex((count) => count >= rank)
  const upper = bounds[i] ?? Infinity
  const lower = i > 0 ? (bounds[i - 1] ?? 0) : 0
  if (upper === Infinity) return lower
  const below = i > 0 ? (deltas[i - 1] ?? 0) : 0
  const inBucket = (deltas[i] ?? 0) - below
  if (inBucket <= 0) return upper
  return lower + ((upper - lower) * (rank - below)) / inBucket
}

/**
 * The per-second rate of a counter between two readings `elapsedMs` apart. A counter that went
 * down began again (member restarted): its current value is what was counted since. Null when
 * there is no earlier reading or no time passed.
 */
export function ratePerSecond(
  previous: number | null,
  current: number,
  elapsedMs: number,
): number | null {
  if (previous === null || elapsedMs <= 0) return null
  const counted = current >= previous ? current - previous : current
  return counted / (elapsedMs / 1000)
}

function sameBounds(histogram: Histogram, bounds: number[]): boolean {
  return (
    histogram.buckets.length === bounds.length &&
    histogram.buckets.every(([le], i) => le === bounds[i])
  )
}
