import { describe, expect, it } from 'vitest'
import { ClusterOperations } from '../../../src/main/cluster/cluster-operations'
import { EngineError } from '../../../src/main/errors/engine-error'
import { words } from '../../../src/shared/engine-words/engine-words'
import { ClusterTimeline, type EndedOperation } from '../../../src/main/timeline/cluster-timeline'
import type { ClusterEvent } from '../../../src/shared/cluster-events'
import { mergeNewestFirst } from '../../../src/shared/cluster-events'

const ended = (over: Partial<EndedOperation>): EndedOperation => ({
  kind: 'member-kill',
  label: 'Killing member etcd2',
  member: 'etcd2',
  startedAt: '2026-12-01T10:00:00.000Z',
  endedAt: '2026-12-01T10:00:00.100Z',
  error: null,
  ...over,
})

describe('ClusterTimeline', () => {
  it('records the three kinds in words, pushes each, and lists them newest first', () => {
    const timeline = new ClusterTimeline()
    const pushed: ClusterEvent[] = []
    timeline.on('append', (e) => pushed.push(e))
    timeline.recordAction('demo', ended({}))
    timeline.recordMemberState('demo', 'etcd2', 'crashed', {
      code: null,
      signal: 'SIGKILL',
      at: '2026-12-01T10:00:00.050Z',
      logTail: [],
      reason: 'exited unexpectedly with signal SIGKILL',
      reasonWords: words('engine-notices:exit.unexpectedSignal', { signal: 'SIGKILL' }),
    })
    timeline.recordLeaderChange('demo', {
      at: '2026-12-01T10:00:02.000Z',
      from: 'etcd2',
      to: 'etcd1',
      term: '4',
    })
    expect(pushed.map((e) => [e.kind, e.member, e.text])).toEqual([
      ['user-action', 'etcd2', 'Killing member etcd2: done'],
      ['member-state', 'etcd2', 'etcd2 crashed (signal SIGKILL)'],
      ['leader-change', 'etcd1', 'etcd1 took over from etcd2 (term 4)'],
    ])
    expect(pushed[0]).toMatchObject({ outcome: 'succeeded', operation: 'member-kill' })
    // Newest first by time: the state change was recorded now, the others carry their own time.
    expect(timeline.events('demo').map((e) => e.kind)).toEqual([
      'member-state',
      'leader-change',
      'user-action',
    ])
    expect(timeline.events('other')).toEqual([])
  })

  it('tells failed and cancelled actions apart and skips the engine’s own operations', () => {
    const timeline = new ClusterTimeline()
    timeline.recordAction('demo', ended({ error: new Error('port 2380 is in use') }))
    const cancel = new EngineError('OPERATION_CANCELLED', 'cancelled by Stop all')
    timeline.recordAction('demo', ended({ error: cancel }))
    timeline.recordAction('demo', ended({ kind: 'auto-restart' }))
    const events = timeline.events('demo')
    expect(events.map((e) => e.outcome)).toEqual(['cancelled', 'failed'])
    expect(events[1]?.text).toBe('Killing member etcd2: failed — port 2380 is in use')
  })

  it('keeps the last events of each cluster only, and forgets a deleted cluster', () => {
    const timeline = new ClusterTimeline(3)
    for (let i = 0; i < 5; i++) timeline.recordMemberState('demo', `etcd${i}`, 'running', null)
    timeline.recordMemberState('other', 'etcd1', 'stopped', null)
    expect(timeline.events('demo').map((e) => e.member)).toEqual(['etcd4', 'etcd3', 'etcd2'])
    timeline.forget('demo')
    expect(timeline.events('demo')).toEqual([])
    expect(timeline.events('other')).toHaveLength(1)
  })

  it('merges pushed events into fetched ones without duplicates, newest first', () => {
    const timeline = new ClusterTimeline()
    timeline.recordAction('demo', ended({ startedAt: '2026-12-01T10:00:05.000Z' }))
    timeline.recordAction('demo', ended({ startedAt: '2026-12-01T10:00:01.000Z' }))
    const [late, early] = timeline.events('demo') as [ClusterEvent, ClusterEvent]
    const merged = mergeNewestFirst([early], [late, early])
    expect(merged.map((e) => e.at)).toEqual([
      '2026-12-01T10:00:05.000Z',
      '2026-12-01T10:00:01.000Z',
    ])
  })
})

describe('ClusterOperations reports each operation that ran to the timeline', () => {
  it('with how it ended; an operation refused before it ran is not reported', async () => {
    const ended: EndedOperation[] = []
    const operations = new ClusterOperations(
      'demo',
      () => undefined,
      (e) => ended.push(e),
    )
    await operations.run(
      {
        kind: 'member-stop',
        label: words('engine-steps-cluster:label.memberStop', { member: 'etcd2' }),
        policy: 'refuse',
        member: 'etcd2',
      },
      () => Promise.resolve(),
    )
    const failing = operations.run(
      {
        kind: 'stop',
        label: words('engine-steps-cluster:label.stopCluster', { cluster: 'demo' }),
        policy: 'refuse',
      },
      () => Promise.reject(new Error('etcd1 did not answer')),
    )
    const refused = operations.run(
      {
        kind: 'member-kill',
        label: words('engine-steps-cluster:label.memberKill', { member: 'etcd1' }),
        policy: 'refuse',
      },
      () => Promise.resolve(),
    )
    await expect(failing).rejects.toThrow('etcd1 did not answer')
    await expect(refused).rejects.toMatchObject({ code: 'CLUSTER_BUSY' })
    expect(ended.map((e) => [e.kind, e.member, e.error === null])).toEqual([
      ['member-stop', 'etcd2', true],
      ['stop', undefined, false],
    ])
    // The English label for the log and the timeline's text, the words for the window.
    expect(ended.map((e) => e.label)).toEqual(['Stopping member etcd2', 'Stopping cluster demo'])
    expect(ended[0]!.labelWords).toEqual({
      key: 'engine-steps-cluster:label.memberStop',
      values: { member: 'etcd2' },
    })
    expect((ended[1]?.error as Error).message).toBe('etcd1 did not answer')
    expect(ended[0]!.startedAt <= ended[0]!.endedAt).toBe(true)
  })
})
