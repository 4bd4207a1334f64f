import { describe, expect, it } from 'vitest'
import { ProbeSamples } from '../../../src/main/probe/probe-samples'
import { PROBE_RATE_PER_SECOND, PROBE_WINDOW_SECONDS } from '../../../src/shared/probe'

const WINDOW_MS = PROBE_WINDOW_SECONDS * 1000

describe('the probe samples', () => {
  it('has no figures before the first attempt', () => {
    const samples = new ProbeSamples()
    expect(samples.summary(0)).toEqual({ ok: 0, failed: 0, p50Ms: null, p99Ms: null })
    expect(samples.totals()).toEqual({ ok: 0, failed: 0 })
  })

  it('counts successes and failures, with nearest-rank percentiles of the successes', () => {
    const samples = new ProbeSamples()
    for (let i = 1; i <= 100; i++) samples.record(i, true, i) // latencies 1 … 100 ms
    samples.record(101, false, 0)
    expect(samples.summary(101)).toEqual({ ok: 100, failed: 1, p50Ms: 50, p99Ms: 99 })
    expect(samples.totals()).toEqual({ ok: 100, failed: 1 })
  })

  it('rounds latencies to a tenth of a millisecond', () => {
    const samples = new ProbeSamples()
    samples.record(1, true, 2.345678)
    expect(samples.summary(1)).toMatchObject({ p50Ms: 2.3, p99Ms: 2.3 })
  })

  it('forgets attempts older than the window, but not in the totals', () => {
    const samples = new ProbeSamples()
    samples.record(0, false, 0)
    samples.record(1_000, true, 5)
    samples.record(WINDOW_MS + 500, true, 7)
    expect(samples.summary(WINDOW_MS + 500)).toEqual({ ok: 2, failed: 0, p50Ms: 5, p99Ms: 7 })
    expect(samples.summary(WINDOW_MS + 1_000)).toEqual({ ok: 2, failed: 0, p50Ms: 5, p99Ms: 7 })
    expect(samples.summary(WINDOW_MS + 1_001)).toEqual({ ok: 1, failed: 0, p50Ms: 7, p99Ms: 7 })
    expect(samples.totals()).toEqual({ ok: 2, failed: 1 })
  })

  it('stays bounded: a ring twice the planned attempts of a window', () => {
    const samples = new ProbeSamples()
    const capacity = PROBE_RATE_PER_SECOND * PROBE_WINDOW_SECONDS * 2
    // Far more attempts than planned, all inside one window: only the newest `capacity` remain.
    for (let i = 0; i < capacity * 3; i++) samples.record(i / 100, i % 2 === 0, 1)
    const summary = samples.summary(capacity * 3)
    expect(summary.ok + summary.failed).toBe(capacity)
    expect(samples.totals()).toEqual({ ok: (capacity * 3) / 2, failed: (capacity * 3) / 2 })
  })
})
