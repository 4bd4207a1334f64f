import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handleRequest } from '../../../src/main/contract/request-handlers'
import type { Engine } from '../../../src/main/engine/engine'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { etcdctl, freeSpec, openTestEngine, waitHealthy } from '../../helpers/engine-fixture'
import { testEtcdLines } from '../../helpers/etcd-versions'
import { seedKeys } from '../keys/key-fixtures'

const text = (s: string): Uint8Array => new TextEncoder().encode(s)

// One 3-member cluster per etcd line: history to compact, garbage to defragment.
describe.each(testEtcdLines())('defragment, compact and check on etcd $version', (etcd) => {
  let engine: Engine
  let oldRevision = ''

  beforeAll(async () => {
    engine = await openTestEngine(`defrag-${etcd.line}`, { etcdPath: etcd.etcd })
    await engine.createCluster(await freeSpec('maint', 3))
    await waitHealthy(engine, 'maint')
    const endpoint = engine.getCluster('maint').members[0]!.clientUrl
    const value = 'x'.repeat(2_000)
    oldRevision = (await engine.keys.put('maint', text('/old'), text('first'))).revision
    // Three rounds over the same 1,000 keys: two thirds of the backend becomes history.
    for (let round = 0; round < 3; round++) {
      await seedKeys(
        endpoint,
        Array.from({ length: 1000 }, (_, i) => [`/bulk/${i}`, `${round}${value}`]),
      )
    }
    await engine.keys.put('maint', text('/old'), text('second'))
  })

  afterAll(async () => {
    await engine?.close()
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })

  it('compacts to the current revision; reads below it then fail as compacted', async () => {
    const list = () =>
      handleRequest(engine, 'keys:list', { cluster: 'maint', prefix: text('/old') })
    expect(await list()).toMatchObject({ ok: true, value: { compactRevision: null } })
    const { revision } = await engine.maintenance.compact('maint')
    expect(BigInt(revision)).toBeGreaterThan(BigInt(oldRevision))
    const view = engine.getCluster('maint')
    await expect(
      etcdctl(view, ['get', '/old', `--rev=${oldRevision}`], etcd.etcdctl),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('required revision has been compacted'),
    })
    // The key browser reads such a page at the newest revision instead, and says which.
    const old = await engine.keys.list('maint', { prefix: text('/old'), revision: oldRevision })
    expect(BigInt(old.revision)).toBeGreaterThanOrEqual(BigInt(revision))
    // The Keys tab learns the boundary with its listing.
    const page = await list()
    expect(page).toMatchObject({ ok: true, value: { compactRevision: revision } })
    expect(page.ok && page.value.entries).toHaveLength(1)
    // The write probe ran for the compaction (started for it, stopped after) and lost nothing.
    expect(engine.getCluster('maint').lastOperation).toMatchObject({
      kind: 'compact',
      isSuccess: true,
      probe: { failed: 0 },
    })
    expect(engine.probes.resources('maint')).toBeNull()
  })

  it('defragments followers first and the leader last, with sizes before and after', async () => {
    const leader = (await waitHealthy(engine, 'maint')).leaderName
    const report = await engine.maintenance.defragment('maint')
    expect(report.steps.map((s) => s.member)).toEqual([
      ...['etcd1', 'etcd2', 'etcd3'].filter((m) => m !== leader),
      leader,
    ])
    expect(report.steps.map((s) => s.wasLeader)).toEqual([false, false, true])
    // Leadership moved off the leader to the follower defragmented just before it.
    expect(report.steps[2]?.leaderMovedTo).toBe(report.steps[1]?.member)
    for (const step of report.steps) {
      // Compaction freed two thirds of the pages: defragmenting gives them back.
      expect(step.after.dbSize).toBeLessThan(step.before.dbSize)
      expect(step.after.dbSizeInUse).toBeLessThanOrEqual(step.after.dbSize)
      expect(step.tookMs).toBeGreaterThanOrEqual(0)
    }
    // Clients writing through every member meanwhile saw no failure, leader move included.
    const lastError = String(engine.probes.stats('maint').lastError)
    expect(report.probe, lastError).toMatchObject({ failed: 0 })
    expect(report.probe?.ok, lastError).toBeGreaterThan(0)
    const last = engine.getCluster('maint').lastOperation
    expect(last).toMatchObject({ kind: 'defragment', isSuccess: true })
    expect(last?.steps.join('\n')).toContain(`moved leadership from ${leader}`)
    expect(engine.probes.resources('maint')).toBeNull()
  })

  it('finds every member holding the same keyspace', async () => {
    const report = await engine.maintenance.hashKv('maint')
    expect(report.members.map((m) => m.member)).toEqual(['etcd1', 'etcd2', 'etcd3'])
    expect(report.members.every((m) => m.error === null && m.hash !== null)).toBe(true)
    expect(new Set(report.members.map((m) => m.hash)).size).toBe(1)
    expect(report.isConsistent).toBe(true)
  })

  it('lists no alarm on a healthy cluster, and disarming then changes nothing', async () => {
    expect(await engine.maintenance.alarms('maint')).toEqual([])
    expect(await engine.maintenance.disarm('maint')).toEqual([])
    expect(engine.getCluster('maint').lastOperation?.steps).toContain('no alarm was active')
  })

  it('refuses a second maintenance action while one runs (one operation at a time)', async () => {
    const first = engine.maintenance.defragment('maint')
    await expect(engine.maintenance.compact('maint')).rejects.toMatchObject({
      code: 'CLUSTER_BUSY',
      detail: { operation: 'defragment' },
    })
    await first
  })

  it('reports a stopped member in the consistency check instead of calling it consistent', async () => {
    await engine.stopMember('maint', 'etcd3')
    const report = await engine.maintenance.hashKv('maint')
    expect(report.members.find((m) => m.member === 'etcd3')).toMatchObject({
      hash: null,
      error: 'not running',
    })
    expect(report.isConsistent).toBe(false)
    await engine.startMember('maint', 'etcd3')
  })
})
