import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import type { ClusterView } from '../../../src/shared/cluster'
import {
  ENGINE_WAIT,
  etcdctl,
  freeSpec,
  openTestEngine,
  waitHealthy,
} from '../../helpers/engine-fixture'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { testEtcdLines } from '../../helpers/etcd-versions'

interface ListedByEtcdctl {
  name: string
  isLearner: boolean
  peerURLs: string[]
}

/** etcdctl's member list, parsed from its JSON (ids as decimal strings are not needed here). */
async function memberList(view: ClusterView, binary: string): Promise<ListedByEtcdctl[]> {
  const json = await etcdctl(view, ['member', 'list', '-w', 'json'], binary)
  const parsed = JSON.parse(json) as { members: Partial<ListedByEtcdctl>[] }
  return parsed.members.map((m) => ({
    name: m.name ?? '',
    isLearner: m.isLearner ?? false,
    peerURLs: m.peerURLs ?? [],
  }))
}

describe.each(testEtcdLines())('membership on etcd $version', (etcd) => {
  let engine: Engine
  const cluster = `m${etcd.line.replace('.', '')}`
  /** The member removed with its data kept (test 3), whose name is added again later. */
  let keptName = ''

  beforeAll(async () => {
    engine = await openTestEngine(`membership-${etcd.line}`, { etcdPath: etcd.etcd })
    await engine.createCluster(await freeSpec(cluster, 3))
  })

  afterAll(async () => {
    const root = engine?.layout.root
    await engine?.close()
    if (root) expect(findEtcdProcesses(root)).toEqual([])
  })

  const view = () => engine.getCluster(cluster)
  const member = (name: string) => view().members.find((m) => m.name === name)

  it('adds a learner right after a restart (waiting out "unhealthy cluster"), then promotes it', async () => {
    // A restart resets etcd's 5-second health window: member add is refused for a while.
    await engine.restartMember(cluster, 'etcd3')
    const suggested = await engine.membership.suggest(cluster)
    expect(suggested.name).toBe('etcd4')
    await engine.membership.add(cluster, { ...suggested, asLearner: true })

    expect(member('etcd4')).toMatchObject({ state: 'running', isLearner: true })
    const report = view().lastOperation!
    expect(report).toMatchObject({ kind: 'member-add', isSuccess: true })
    expect(report.steps.join('\n')).toMatch(/etcd added etcd4 as a learner \(id [0-9a-f]+\)/)
    // Its twins: the etcdctl member add, then the new member's etcd command line.
    expect(report.commands?.[0]).toContain(
      `member add etcd4 --peer-urls=http://127.0.0.1:${suggested.peerPort} --learner`,
    )
    expect(report.commands?.[1]).toMatch(/--initial-cluster-state=existing/)
    expect((await memberList(view(), etcd.etcdctl)).find((m) => m.name === 'etcd4')).toMatchObject({
      isLearner: true,
    })

    await engine.membership.promote(cluster, 'etcd4')
    expect(member('etcd4')?.isLearner).toBe(false)
    const listed = await memberList(view(), etcd.etcdctl)
    expect(
      listed
        .filter((m) => !m.isLearner)
        .map((m) => m.name)
        .sort(),
    ).toEqual(['etcd1', 'etcd2', 'etcd3', 'etcd4'])
    expect((await waitHealthy(engine, cluster)).healthyCount).toBe(4)
    // The new member joined with state "existing" and the list etcd answered.
    const { members } = await engine.clusterCommands(cluster)
    const args = members.find((m) => m.member === 'etcd4')!.args
    expect(args).toContain('--initial-cluster-state=existing')
  })

  it('refuses a second learner while one is not promoted (etcd allows one)', async () => {
    const first = await engine.membership.suggest(cluster)
    await engine.membership.add(cluster, { ...first, asLearner: true })
    const second = await engine.membership.suggest(cluster)
    await expect(
      engine.membership.add(cluster, { ...second, asLearner: true }),
    ).rejects.toMatchObject({
      code: 'TOO_MANY_LEARNERS',
    })
    expect(member(second.name)).toBeUndefined()
    await engine.membership.remove(cluster, first.name, false)
    expect(member(first.name)).toBeUndefined()
  })

  it('removes a follower, deleting its data, and the leader, after moving leadership away', async () => {
    await waitHealthy(engine, cluster)
    const leader = engine.getStatus(cluster)!.leaderName!
    const follower = view().members.find((m) => m.name !== leader)!.name
    const followerData = member(follower)!.dataDir
    await engine.membership.remove(cluster, follower, false)
    expect(member(follower)).toBeUndefined()
    expect(existsSync(followerData)).toBe(false)
    expect((await memberList(view(), etcd.etcdctl)).map((m) => m.name)).not.toContain(follower)

    await waitHealthy(engine, cluster)
    await engine.membership.remove(cluster, leader, true)
    keptName = leader
    expect(view().lastOperation?.steps.join('\n')).toMatch(
      new RegExp(`leadership moved from ${leader}`),
    )
    expect(member(leader)).toBeUndefined()
    const status = await vi.waitFor(() => {
      const now = engine.getStatus(cluster)
      expect(now).toMatchObject({ memberCount: 2, healthyCount: 2 })
      return now!
    }, ENGINE_WAIT)
    expect(status.leaderName).not.toBe(leader)
    expect(findEtcdProcesses(engine.layout.root)).toHaveLength(2)
  })

  it('refuses a removal that would lose quorum, naming the member', async () => {
    // Two voters left: stopping one leaves the other alone; removing it would lose quorum.
    const [a, b] = view().members.map((m) => m.name) as [string, string]
    await engine.stopMember(cluster, b)
    await expect(engine.membership.remove(cluster, a, false)).rejects.toMatchObject({
      code: 'QUORUM_LOST',
      message: expect.stringContaining(a),
    })
    expect(member(a)).toBeDefined()
    await engine.startMember(cluster, b)
    await waitHealthy(engine, cluster)
  })

  it('re-adds a name whose data was kept in a fresh folder, never on the old data', async () => {
    const name = keptName
    const suggestion = await engine.membership.suggest(cluster)
    await engine.membership.add(cluster, { ...suggestion, name, asLearner: true })
    expect(member(name)?.dataDir).toMatch(new RegExp(`members/${name}-2/data$`))
    expect(member(name)?.state).toBe('running')
    await engine.membership.promote(cluster, name)
    expect((await waitHealthy(engine, cluster)).healthyCount).toBe(3)
  })

  it('pauses the leader: the others elect a new one; resume brings it back as follower', async () => {
    const leader = (await waitHealthy(engine, cluster)).leaderName!
    await engine.membership.pause(cluster, leader)
    expect(member(leader)?.state).toBe('paused')
    await vi.waitFor(() => {
      const status = engine.getStatus(cluster)
      expect(status?.leaderName).toBeTruthy()
      expect(status?.leaderName).not.toBe(leader)
    }, ENGINE_WAIT)
    expect(view().state).toBe('degraded')
    await engine.membership.resume(cluster, leader)
    expect(member(leader)?.state).toBe('running')
    expect((await waitHealthy(engine, cluster)).healthyCount).toBe(3)
  })

  it('makes a chosen member the leader', async () => {
    const status = await waitHealthy(engine, cluster)
    const target = status.members.find((m) => !m.isLeader)!.member
    await engine.membership.makeLeader(cluster, target)
    expect(engine.getStatus(cluster)?.leaderName).toBe(target)
    expect(view().lastOperation?.steps.join('\n')).toContain(`leadership moved from`)
  })
})
