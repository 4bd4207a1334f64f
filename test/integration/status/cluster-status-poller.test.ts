import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LeaderChange } from '../../../src/shared/cluster'
import { ClusterStatusPoller } from '../../../src/main/status/cluster-status-poller'
import { MEMBER_CALL_DEADLINE_MS } from '../../../src/main/status/member-status-reader'
import { startPlainCluster, type PlainCluster } from '../../helpers/plain-cluster'
import {
  allHealthy,
  endpointsOf,
  etcdctlMemberIds,
  ReaderProbe,
  waitForStatus,
} from './status-probes'

describe('status of a healthy 3-member cluster, then its leader is SIGKILLed', () => {
  let cluster: PlainCluster
  let poller: ClusterStatusPoller
  const probe = new ReaderProbe()
  const changes: LeaderChange[] = []

  beforeAll(async () => {
    cluster = await startPlainCluster(3, 'status-leader')
    poller = new ClusterStatusPoller('status-leader', endpointsOf(cluster), {
      createReader: probe.create,
    })
    poller.on('leader-change', (c) => changes.push(c))
    poller.start()
  })

  afterAll(async () => {
    await poller?.stop()
    await cluster?.stop()
  })

  it('reports every member healthy, exactly one leader, and the ids etcdctl prints', async () => {
    const status = await waitForStatus(poller, cluster, allHealthy)
    expect(status.memberCount).toBe(3)
    expect(status.members.filter((m) => m.isLeader)).toHaveLength(1)
    const leader = status.members.find((m) => m.isLeader)
    expect(status.leaderName).toBe(leader?.member)
    const ids = await etcdctlMemberIds(cluster.endpoints)
    for (const m of status.members) {
      expect(m.id).toBe(ids.get(m.member))
      expect(m.id).toMatch(/^[0-9a-f]{1,16}$/)
      expect(m.leaderId).toBe(leader?.id)
      expect(BigInt(m.raftTerm ?? '0')).toBeGreaterThan(0n)
      expect(BigInt(m.raftIndex ?? '0')).toBeGreaterThan(0n)
      expect(m).toMatchObject({ version: '3.4.23', unreachable: null, errors: [] })
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

  it('reports the killed leader unreachable at once and a leader change to a survivor', async () => {
    const oldLeader = (await waitForStatus(poller, cluster, allHealthy)).leaderName as string
    await cluster.kill(oldLeader)
    const started = Date.now()
    const right = await poller.pollNow()
    expect(Date.now() - started).toBeLessThan(MEMBER_CALL_DEADLINE_MS)
    const dead = right.members.find((m) => m.member === oldLeader)
    // Why either: the open HTTP/2 connection reports "Connection dropped", a new one is refused.
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
    await new Promise((r) => setTimeout(r, 2_500))
    off()
    expect(published).toBe(0)
    expect(probe.closed).toBe(probe.created)
  })
})

describe('status of a 3-member cluster when a follower is SIGKILLed', () => {
  let cluster: PlainCluster
  let poller: ClusterStatusPoller
  const changes: LeaderChange[] = []

  beforeAll(async () => {
    cluster = await startPlainCluster(3, 'status-follower')
    poller = new ClusterStatusPoller('status-follower', endpointsOf(cluster))
    poller.on('leader-change', (c) => changes.push(c))
    poller.start()
  })

  afterAll(async () => {
    await poller?.stop()
    await cluster?.stop()
  })

  it('reports 2/3 healthy, the same leader, and the survivors healthy', async () => {
    const before = await waitForStatus(poller, cluster, allHealthy)
    const leader = before.leaderName as string
    const follower = before.members.find((m) => !m.isLeader)?.member as string
    await cluster.kill(follower)
    const right = await poller.pollNow()
    const gone = right.members.find((m) => m.member === follower)
    expect(gone?.unreachable).toMatch(/Connection dropped|ECONNREFUSED/)
    const after = await waitForStatus(poller, cluster, (s) => s.healthyCount === 2, 5_000)
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
    const survivors = endpointsOf(cluster).filter((e) =>
      cluster.members.some(
        (m) => m.name === e.name && m.process.exitCode === null && !m.process.signalCode,
      ),
    )
    poller.setMembers(survivors)
    const status = await poller.pollNow()
    expect(status).toMatchObject({ memberCount: 2, healthyCount: 2 })
    expect(status.members.map((m) => m.member).sort()).toEqual(survivors.map((e) => e.name).sort())
    expect(status.memberList).toHaveLength(3)
  })
})
