import { describe, expect, it } from 'vitest'
import { LeaderTracker } from '../../../src/main/status/leader-tracker'

describe('LeaderTracker', () => {
  it('records the first election, then a change only when another member leads', () => {
    const tracker = new LeaderTracker()
    const seen = [
      tracker.observe(null, null, 't0'),
      tracker.observe('m1', '2', 't1'),
      tracker.observe('m1', '2', 't2'),
      tracker.observe(null, null, 't3'),
      tracker.observe(null, null, 't4'),
      tracker.observe('m2', '3', 't5'),
      tracker.observe('m2', '3', 't6'),
    ]
    expect(seen.filter((c) => c !== null)).toEqual([
      { at: 't1', from: null, to: 'm1', term: '2' },
      { at: 't5', from: 'm1', to: 'm2', term: '3' },
    ])
    expect(tracker.changes).toHaveLength(2)
    expect(tracker.lastKnownLeader).toBe('m2')
  })

  it('does not count the same leader re-elected in a newer term', () => {
    const tracker = new LeaderTracker()
    tracker.observe('m1', '2', 't1')
    expect(tracker.observe('m1', '5', 't2')).toBeNull()
  })

  it('keeps only the newest changes', () => {
    const tracker = new LeaderTracker(3)
    for (let i = 0; i < 10; i++) tracker.observe(`m${i % 2}`, String(i), `t${i}`)
    expect(tracker.changes.map((c) => c.at)).toEqual(['t7', 't8', 't9'])
  })

  it('hands out copies of its history', () => {
    const tracker = new LeaderTracker()
    tracker.observe('m1', '2', 't1')
    tracker.changes.pop()
    expect(tracker.changes).toHaveLength(1)
  })
})
