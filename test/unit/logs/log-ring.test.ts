import { describe, expect, it } from 'vitest'
import { LogRing } from '../../../src/main/logs/log-ring'
import type { LogLine } from '../../../src/shared/logs'

const line = (raw: string): Omit<LogLine, 'seq'> => ({
  member: 'm1',
  ts: '2026-01-01T00:00:00.000Z',
  level: 'info',
  msg: raw,
  fields: {},
  raw,
})
const raws = (lines: LogLine[]) => lines.map((l) => l.raw)

describe('LogRing', () => {
  it('numbers lines from 1 without gaps', () => {
    const ring = new LogRing()
    expect(ring.lastSeq).toBe(0)
    expect(ring.push(line('a')).seq).toBe(1)
    expect(ring.push(line('b')).seq).toBe(2)
    expect(ring.lastSeq).toBe(2)
    expect(ring.firstSeq).toBe(1)
  })

  it('keeps only the newest maxLines lines', () => {
    const ring = new LogRing({ maxLines: 3 })
    for (const r of ['a', 'b', 'c', 'd', 'e']) ring.push(line(r))
    expect(ring.size).toBe(3)
    expect(raws(ring.since(0))).toEqual(['c', 'd', 'e'])
    expect(ring.firstSeq).toBe(3)
    expect(ring.lastSeq).toBe(5)
  })

  it('keeps the raw text under maxBytes, but always the newest line', () => {
    const ring = new LogRing({ maxLines: 100, maxBytes: 10 })
    for (const r of ['aaaa', 'bbbb', 'cccc']) ring.push(line(r))
    expect(raws(ring.since(0))).toEqual(['bbbb', 'cccc'])
    expect(ring.byteSize).toBe(8)
    ring.push(line('x'.repeat(50)))
    expect(raws(ring.since(0))).toEqual(['x'.repeat(50)])
    expect(ring.size).toBe(1)
  })

  it('since(seq) returns the lines after seq, clamped to what is kept', () => {
    const ring = new LogRing({ maxLines: 4 })
    for (let i = 1; i <= 10; i++) ring.push(line(`l${i}`))
    expect(raws(ring.since(8))).toEqual(['l9', 'l10'])
    expect(raws(ring.since(2))).toEqual(['l7', 'l8', 'l9', 'l10'])
    expect(ring.since(10)).toEqual([])
    expect(ring.since(99)).toEqual([])
    expect(ring.since(8).map((l) => l.seq)).toEqual([9, 10])
  })

  it('tail(n) returns the newest n lines, oldest first', () => {
    const ring = new LogRing({ maxLines: 5 })
    for (let i = 1; i <= 7; i++) ring.push(line(`l${i}`))
    expect(raws(ring.tail(2))).toEqual(['l6', 'l7'])
    expect(raws(ring.tail(50))).toEqual(['l3', 'l4', 'l5', 'l6', 'l7'])
    expect(ring.tail(0)).toEqual([])
  })

  it('defaults to 5,000 lines', () => {
    const ring = new LogRing()
    for (let i = 0; i < 5_100; i++) ring.push(line(String(i)))
    expect(ring.size).toBe(5_000)
    expect(ring.tail(1)[0]!.raw).toBe('5099')
  })
})
