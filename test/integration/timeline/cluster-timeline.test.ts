import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import { isEngineError } from '../../../src/main/errors/engine-error'
import type { ClusterEvent } from '../../../src/shared/cluster-events'
import { knownMemberIds, memberNamesById, nameMemberIds } from '../../../src/shared/member-id-names'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { freeSpec, openTestEngine, waitFor, waitHealthy } from '../../helpers/engine-fixture'
import { testEtcdLines } from '../../helpers/etcd-versions'

// One engine and one 3-member cluster per etcd line (a leader change needs three members).
describe.each(testEtcdLines())(
  'the cluster timeline of a 3-member cluster on etcd $version',
  (etcd) => {
    let engine: Engine
    const pushed: ClusterEvent[] = []
    const timeline = () => engine.clusterTimeline('story')

    beforeAll(async () => {
      engine = await openTestEngine(`timeline-${etcd.line}`, { etcdPath: etcd.etcd })
      engine.timeline.on('append', (event) => pushed.push(event))
      await engine.createCluster(await freeSpec('story', 3))
      await waitHealthy(engine, 'story')
    })

    afterAll(async () => {
      await engine.close()
      expect(findEtcdProcesses(engine.layout.root)).toEqual([])
    })

    it('records the create as the user’s action and each member reaching running', () => {
      const events = timeline()
      const create = events.find((e) => e.kind === 'user-action' && e.operation === 'create')
      expect(create).toMatchObject({ outcome: 'succeeded', cluster: 'story' })
      for (const member of ['etcd1', 'etcd2', 'etcd3']) {
        expect(events).toContainEqual(
          expect.objectContaining({ kind: 'member-state', member, state: 'running' }),
        )
      }
      // Newest first, and every recorded event was pushed.
      const times = events.map((e) => e.at)
      expect(times).toEqual([...times].sort().reverse())
      expect(
        pushed
          .filter((e) => e.cluster === 'story')
          .map((e) => e.seq)
          .sort(),
      ).toEqual(events.map((e) => e.seq).sort())
    })

    it('records a killed leader as crashed, the new leader, and the user starting it again', async () => {
      const leader = (await waitHealthy(engine, 'story')).leaderName!
      const pid = engine.getCluster('story').members.find((m) => m.name === leader)!.pid!
      process.kill(pid, 'SIGKILL')
      const crashed = await waitFor(timeline, (events) =>
        events.some(
          (e) => e.kind === 'member-state' && e.member === leader && e.state === 'crashed',
        ),
      )
      expect(crashed.find((e) => e.state === 'crashed')?.text).toBe(
        `${leader} crashed (signal SIGKILL)`,
      )
      const change = await waitFor(timeline, (events) =>
        events.some((e) => e.kind === 'leader-change' && e.text.includes(`over from ${leader}`)),
      )
      const takeover = change.find((e) => e.kind === 'leader-change')!
      expect(takeover.member).not.toBe(leader)
      expect(takeover.text).toMatch(
        new RegExp(`^etcd\\d took over from ${leader} \\(term \\d+\\)$`),
      )

      await engine.startMember('story', leader)
      const events = timeline()
      const start = events.find((e) => e.kind === 'user-action' && e.operation === 'member-start')
      expect(start).toMatchObject({
        member: leader,
        outcome: 'succeeded',
        text: `Starting member ${leader}: done`,
      })
      // The action is placed when it started: before the member ran again, after the crash.
      const running = events.find((e) => e.state === 'running' && e.member === leader)!
      const crash = events.find((e) => e.state === 'crashed')!
      expect(start!.at <= running.at && crash.at <= start!.at).toBe(true)
      expect(events.indexOf(running)).toBeLessThan(events.indexOf(crash))
    })

    it('names the members in real log lines that carry their IDs', async () => {
      const status = await waitHealthy(engine, 'story')
      const names = memberNamesById(status.memberList)
      expect(names.size).toBe(3)
      const lines = ['etcd1', 'etcd2', 'etcd3'].flatMap((m) => engine.getLogs('story', m))
      const withIds = lines.filter((l) => knownMemberIds(l.raw, names).length > 0)
      expect(withIds.length).toBeGreaterThan(0)
      // etcd's own fields: every member logs its local-member-id, and the peers' remote-peer-id.
      const local = lines.find(
        (l) => l.member === 'etcd2' && typeof l.fields['local-member-id'] === 'string',
      )!
      const id = local.fields['local-member-id'] as string
      expect(nameMemberIds(local.raw, names)).toContain(`"local-member-id":"${id} (etcd2)"`)
      const peerLine = lines.find((l) => typeof l.fields['remote-peer-id'] === 'string')!
      const peerId = peerLine.fields['remote-peer-id'] as string
      expect(nameMemberIds(peerLine.raw, names)).toContain(`${peerId} (${names.get(peerId)})`)
      // The cluster ID is no member's: it stays as it is.
      const clusterLine = lines.find((l) => typeof l.fields['cluster-id'] === 'string')!
      const clusterId = clusterLine.fields['cluster-id'] as string
      expect(nameMemberIds(clusterLine.raw, names)).toContain(`"cluster-id":"${clusterId}"`)
    })

    it('forgets the timeline with the cluster, and names a missing cluster', async () => {
      await engine.deleteCluster('story', { stopFirst: true })
      let error: unknown = null
      try {
        engine.clusterTimeline('story')
      } catch (caught) {
        error = caught
      }
      expect(isEngineError(error) && error.code).toBe('CLUSTER_NOT_FOUND')
      expect(engine.timeline.events('story')).toEqual([])
    })
  },
)
