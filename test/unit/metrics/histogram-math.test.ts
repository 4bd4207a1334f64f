import { describe, expect, it } from 'vitest'
import {
  quantileBetween,
  ratePerSecond,
  type Histogram,
} from '../../../src/main/metrics/histogram-math'

/** A histogram with etcd's WAL fsync bounds (s) up to 0.008, then +Inf, from cumulative counts. */
function histogram(counts: number[]): Histogram {
  const bounds = [0.001, 0.002, 0.004, 0.008, Infinity]
  return { buckets: bounds.map((le, i): [number, number] => [le, counts[i] ?? 0]) }
}

describe('quantileBetween (p99 from bucket deltas)', () => {
  it('estimates within the bucket holding the rank, from the difference of two readings', () => {
    // Before: 100 fast observations. Since: 100 more, 90 under 1 ms and 10 between 2 and 4 ms.
    const before = histogram([100, 100, 100, 100, 100])
    const after = histogram([190, 190, 200, 200, 200])
    // Rank 99 of 100 lies in (0.002, 0.004]: 90 below it, 10 in it → 0.002 + 0.002 × 9/10.
    expect(quantileBetween(before, after, 0.99)).toBeCloseTo(0.0038, 10)
    // The median lies in the first bucket: 0 + 0.001 × 50/90.
    expect(quantileBetween(before, after, 0.5)).toBeCloseTo(0.001 * (50 / 90), 10)
  })

  it('ignores what was observed before the earlier reading', () => {
    const slowPast = histogram([0, 0, 0, 0, 1000]) // 1000 slow fsyncs long ago
    const now = histogram([100, 100, 100, 100, 1100]) // 100 fast ones since
    expect(quantileBetween(slowPast, now, 0.99)).toBeCloseTo(0.00099, 10)
  })

  it('answers the highest finite bound when the rank falls in +Inf', () => {
    expect(quantileBetween(histogram([0, 0, 0, 0, 0]), histogram([0, 0, 0, 0, 10]), 0.99)).toBe(
      0.008,
    )
  })

  it('is null when nothing was observed between the readings', () => {
    const same = histogram([5, 6, 7, 8, 9])
    expect(quantileBetween(same, same, 0.99)).toBeNull()
  })

  it('uses the current counts alone after a reset (the member restarted)', () => {
    const beforeRestart = histogram([500, 500, 500, 500, 500])
    const afterRestart = histogram([0, 10, 10, 10, 10])
    expect(quantileBetween(beforeRestart, afterRestart, 0.99)).toBeCloseTo(0.001 + 0.001 * 0.99, 10)
    expect(quantileBetween(null, afterRestart, 0.99)).toBeCloseTo(0.00199, 10)
  })
})

describe('ratePerSecond', () => {
  it('divides the counted difference by the elapsed seconds', () => {
    expect(ratePerSecond(1000, 1030, 1500)).toBe(20)
  })

  it('counts from zero after a counter reset', () => {
    expect(ratePerSecond(1000, 15, 1500)).toBe(10)
  })

  it('is null without an earlier reading or elapsed time', () => {
    expect(ratePerSecond(null, 15, 1500)).toBeNull()
    expect(ratePerSecond(10, 15, 0)).toBeNull()
  })
})
