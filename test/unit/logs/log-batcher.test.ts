import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LOG_BATCH_INTERVAL_MS, LogBatcher } from '../../../src/main/logs/log-batcher'
import type { LogBatch, LogLine } from '../../../src/shared/logs'

let seq = 0
const line = (): LogLine => ({
  seq: ++seq,
  member: 'm1',
  ts: '2026-01-01T00:00:00.000Z',
  level: 'info',
  msg: `line ${seq}`,
  fields: {},
  raw: `line ${seq}`,
})

describe('LogBatcher', () => {
  let batches: LogBatch[]
  let batcher: LogBatcher

  beforeEach(() => {
    vi.useFakeTimers()
    batches = []
    batcher = new LogBatcher({ cluster: 'c1', emit: (b) => batches.push(b) })
  })
  afterEach(() => {
    batcher.stop()
    vi.useRealTimers()
  })

  it('emits nothing for lines that arrive within one interval until it ends', () => {
    batcher.add([line()])
    vi.advanceTimersByTime(LOG_BATCH_INTERVAL_MS / 2)
    batcher.add([line(), line()])
    expect(batches).toEqual([])
    vi.advanceTimersByTime(LOG_BATCH_INTERVAL_MS / 2)
    expect(batches).toHaveLength(1)
    expect(batches[0]!.cluster).toBe('c1')
    expect(batches[0]!.lines).toHaveLength(3)
  })

  it('emits at most one batch per interval under a steady stream', () => {
    for (let ms = 0; ms < 1_000; ms += 5) {
      batcher.add([line()])
      vi.advanceTimersByTime(5)
    }
    expect(batches.length).toBeGreaterThanOrEqual(9)
    expect(batches.length).toBeLessThanOrEqual(10)
    expect(batches.flatMap((b) => b.lines)).toHaveLength(200)
  })

  it('holds no timer while idle', () => {
    expect(vi.getTimerCount()).toBe(0)
    batcher.add([line()])
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(LOG_BATCH_INTERVAL_MS)
    expect(vi.getTimerCount()).toBe(0)
    batcher.add([])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('flush() emits at once and cancels the timer', () => {
    batcher.add([line(), line()])
    batcher.flush()
    expect(batches).toHaveLength(1)
    expect(vi.getTimerCount()).toBe(0)
    batcher.flush()
    expect(batches).toHaveLength(1)
  })

  it('stop() emits what is queued and ignores later lines', () => {
    batcher.add([line()])
    batcher.stop()
    expect(batches).toHaveLength(1)
    batcher.add([line()])
    vi.advanceTimersByTime(LOG_BATCH_INTERVAL_MS * 5)
    expect(batches).toHaveLength(1)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('drops the oldest lines beyond maxPendingLines (the seq gap shows it)', () => {
    const small = new LogBatcher({
      cluster: 'c1',
      emit: (b) => batches.push(b),
      maxPendingLines: 3,
    })
    const lines = [line(), line(), line(), line(), line()]
    small.add(lines)
    small.flush()
    expect(batches[0]!.lines.map((l) => l.seq)).toEqual(lines.slice(2).map((l) => l.seq))
    small.stop()
  })

  it('reports an emit that throws on the timer instead of crashing', () => {
    const onError = vi.fn()
    const failing = new LogBatcher({
      cluster: 'c1',
      emit: () => {
        throw new Error('window gone')
      },
      onError,
    })
    failing.add([line()])
    vi.advanceTimersByTime(LOG_BATCH_INTERVAL_MS)
    expect(onError).toHaveBeenCalledOnce()
    failing.add([line()])
    expect(vi.getTimerCount()).toBe(1)
  })
})
