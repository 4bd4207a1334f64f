import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { LeaderChange } from '../../../src/shared/cluster'
import { ClusterStatusPoller } from '../../../src/main/status/cluster-status-poller'
import { testEtcdLines } from '../../helpers/etcd-versions'
import { startPlainCluster, type PlainCluster } from '../../helpers/plain-cluster'
import {
  allHealthy,
  ELECTION_DEADLINE_MS,
  endpointsOf,
  etcdctlMemberIds,
  ReaderProbe,
  waitForStatus,
} from './status-probes'

/** Whether a member's current process is gone (killed by a test). */
const isDown = (cluster: PlainCluster, name: string): boolean => {
  const { process: child } = cluster.members.find((m) => m.name === name)!
  return child.exitCode !== null || child.signalCode !== null
}

// One 3-member cluster per etcd line: the leader is killed, brought back, then a follower is killed.
describe.each(testEtcdLines())('cluster status on etcd $version', (etcd) => {
  let cluster: PlainCluster

  beforeAll(async () => {
    cluster = await startPlainCluster(3, `status-${etcd.line}`, etcd)
  })

  afterAll(async () => {
    await cluster?.stop()
  })

  describe('a healthy 3-member cluster, then its leader is SIGKILLed', () => {
    let poller: ClusterStatusPoller
    const probe = new ReaderProbe()
    const changes: LeaderChange[] = []

    beforeAll(() => {
      poller = new ClusterStatusPoller('status-leader', endpointsOf(cluster), {
        createReader: probe.create,
      })
      poller.on('leader-change', (c) => changes.push(c))
      poller.start()
    })

    afterAll(async () => {
      await poller?.stop()
    })

    it('reports every member healthy, exactly one leader, and the ids etcdctl prints', async () => {
      const status = await waitForStatus(poller, cluster, allHealthy)
      expect(status.memberCount).toBe(3)
      expect(status.members.filter((m) => m.isLeader)).toHaveLength(1)
      const leader = status.members.find((m) => m.isLeader)
      expect(status.leaderName).toBe(leader?.member)
      const ids = await etcdctlMemberIds(cluster)
      for (const m of status.members) {
        expect(m.id).toBe(ids.get(m.member))
        expect(m.id).toMatch(/^[0-9a-f]{1,16}$/)
        expect(m.leaderId).toBe(leader?.id)
        expect(BigInt(m.raftTerm ?? '0')).toBeGreaterThan(0n)
        expect(BigInt(m.raftIndex ?? '0')).toBeGreaterThan(0n)
        expect(m).toMatchObject({ version: etcd.version, unreachable: null, errors: [] })
        expect(m.dbSize).toBeGreaterThan(0)
      }
      expect(status.memberList.map((m) => [m.name, m.id]).sort()).toEqual([...ids].sort())
      expect(changes[0]).toMatchObject({ from: null, to: leader?.member })
      expect(cluster.unexpectedExits()).toEqual([])
    })

    it('answers pollNow calls made together without overlapping reads', async () => {
      const [a, b, c] = await Promise.all([poller.pollNow(), poller.pollNow(), poller.pollNow()])
      expect([a, b, c].every(allHealthy)).toBe(true)
      expect(probe.maxInFlight).toBe(1)
      expect(probe.created).toBe(3)
    })

    it('reports the killed leader unreachable on the next poll, then a new leader', async () => {
      const oldLeader = (await waitForStatus(poller, cluster, allHealthy)).leaderName as string
      await cluster.kill(oldLeader)
      const right = await poller.pollNow()
      const dead = right.members.find((m) => m.member === oldLeader)
      // Why either: the open HTTP/2 connection reports "Connection dropped", a new one is refused.
      // Not a call deadline: a dead member is reported as such, not waited for.
      expect(dead?.unreachable).toMatch(/Connection dropped|ECONNREFUSED/)
      expect(dead?.healthy).toBe(false)
      expect(dead?.id).not.toBeNull()
      const after = await waitForStatus(
        poller,
        cluster,
        (s) => s.leaderName !== null && s.leaderName !== oldLeader && s.healthyCount === 2,
      )
      expect(after.members.find((m) => m.member === oldLeader)?.unreachable).toMatch(/ECONNREFUSED/)
      expect(changes.at(-1)).toMatchObject({ from: oldLeader, to: after.leaderName })
      expect(after.leaderChanges.at(-1)).toEqual(changes.at(-1))
      expect(cluster.unexpectedExits()).toEqual([])
      expect(probe.maxInFlight).toBe(1)
    })

    it('publishes nothing after stop and closes every client', async () => {
      await poller.stop()
      let published = 0
      const off = poller.on('status', () => published++)
      // A poller still running on the same members shows when the stopped one would have published.
      const witness = new ClusterStatusPoller('status-witness', endpointsOf(cluster))
      let witnessed = 0
      witness.on('status', () => witnessed++)
      witness.start()
      try {
        await vi.waitFor(() => expect(witnessed).toBeGreaterThanOrEqual(2), {
          timeout: ELECTION_DEADLINE_MS,
        })
      } finally {
        await witness.stop()
        off()
      }
      expect(published).toBe(0)
      expect(probe.closed).toBe(probe.created)
    })
  })

  describe('a 3-member cluster when a follower is SIGKILLed', () => {
    let poller: ClusterStatusPoller
    const changes: LeaderChange[] = []

    beforeAll(async () => {
      // The leader killed above comes back first: three healthy members again.
      for (const name of cluster.names.filter((n) => isDown(cluster, n))) {
        await cluster.restart(name)
      }
      poller = new ClusterStatusPoller('status-follower', endpointsOf(cluster))
      poller.on('leader-change', (c) => changes.push(c))
      poller.start()
    })

    afterAll(async () => {
      await poller?.stop()
    })

    it('reports 2/3 healthy, the same leader, and the survivors healthy', async () => {
      const before = await waitForStatus(poller, cluster, allHealthy)
      const leader = before.leaderName as string
      const follower = before.members.find((m) => !m.isLeader)?.member as string
      await cluster.kill(follower)
      const right = await poller.pollNow()
      const gone = right.members.find((m) => m.member === follower)
      expect(gone?.unreachable).toMatch(/Connection dropped|ECONNREFUSED/)
      const after = await waitForStatus(poller, cluster, (s) => s.healthyCount === 2)
      expect(after).toMatchObject({ memberCount: 3, leaderName: leader })
      for (const m of after.members.filter((m) => m.member !== follower)) {
        expect(m).toMatchObject({
          healthy: true,
          unreachable: null,
          leaderId: before.members.find((x) => x.isLeader)?.id,
        })
      }
      expect(after.memberList).toHaveLength(3)
      expect(changes.map((c) => c.to)).toEqual([leader])
      expect(cluster.unexpectedExits()).toEqual([])
    })

    it('follows setMembers: a dropped member leaves the status, the others keep their clients', async () => {
      const survivors = endpointsOf(cluster).filter((e) => !isDown(cluster, e.name))
      poller.setMembers(survivors)
      const status = await poller.pollNow()
      expect(status).toMatchObject({ memberCount: 2, healthyCount: 2 })
      expect(status.members.map((m) => m.member).sort()).toEqual(
        survivors.map((e) => e.name).sort(),
      )
      expect(status.memberList).toHaveLength(3)
    })
  })
})
