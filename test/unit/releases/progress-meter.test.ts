import { describe, expect, it } from 'vitest'
import type { InstallProgress } from '../../../src/shared/releases'
import { ProgressMeter } from '../../../src/main/releases/progress-meter'

describe('progress meter', () => {
  it('throttles, and reports speed and ETA', () => {
    let now = 0
    const events: InstallProgress[] = []
    const meter = new ProgressMeter(
      '3.5.0',
      (p) => events.push(p),
      100,
      () => now,
    )
    meter.startDownload('http://x/a.tar.gz')
    for (let i = 1; i <= 10; i++) {
      now = i * 50
      meter.update(i * 1000, 20_000)
    }
    // 10 updates over 500 ms at a 100 ms interval: every other one.
    expect(events).toHaveLength(5)
    const last = events[events.length - 1]!
    expect(last).toMatchObject({ phase: 'downloading', bytes: 9_000, total: 20_000 })
    expect(last.bytesPerSecond).toBe(20_000)
    expect(last.etaSeconds).toBe(1)
    meter.finishDownload()
    meter.phase('verifying')
    expect(events.map((e) => e.phase).slice(-2)).toEqual(['downloading', 'verifying'])
    expect(events[events.length - 1]).toMatchObject({ bytesPerSecond: 0, url: null })
  })

  it('has no ETA without a total', () => {
    let now = 0
    const events: InstallProgress[] = []
    const meter = new ProgressMeter(
      '3.5.0',
      (p) => events.push(p),
      0,
      () => now,
    )
    meter.startDownload('u')
    meter.update(10, null)
    now = 1000
    meter.update(20, null)
    expect(events[1]).toMatchObject({ total: null, etaSeconds: null, bytesPerSecond: 10 })
  })
})
