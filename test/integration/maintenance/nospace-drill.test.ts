import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import { MIN_QUOTA_BACKEND_BYTES } from '../../../src/shared/cluster-schema'
import { FILL_PREFIX } from '../../../src/shared/maintenance'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { freeSpec, openTestEngine, waitHealthy } from '../../helpers/engine-fixture'
import { testEtcdLines } from '../../helpers/etcd-versions'

const text = (s: string): Uint8Array => new TextEncoder().encode(s)

// The NOSPACE drill on a 3-member cluster with a 1 MiB quota, on each etcd line (ETCD-OPS-FACTS §5.4).
describe.each(testEtcdLines())('the NOSPACE drill on etcd $version', (etcd) => {
  let engine: Engine

  beforeAll(async () => {
    engine = await openTestEngine(`nospace-${etcd.line}`, { etcdPath: etcd.etcd })
    const spec = { ...(await freeSpec('tiny', 3)), quotaBackendBytes: MIN_QUOTA_BACKEND_BYTES }
    await engine.createCluster(spec)
    await waitHealthy(engine, 'tiny')
  })

  afterAll(async () => {
    await engine?.close()
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })

  it('starts every member with the quota', () => {
    const processes = findEtcdProcesses(engine.layout.root)
    expect(processes).toHaveLength(3)
    for (const p of processes) expect(p.args).toContain('--quota-backend-bytes=1048576')
  })

  it('fills the cluster until etcd refuses a write, and the NOSPACE alarm is raised', async () => {
    const report = await engine.maintenance.fill('tiny')
    expect(report.alarmRaised).toBe(true)
    expect(report.prefix).toBe(FILL_PREFIX)
    expect(report.keysWritten).toBeGreaterThan(0)
    expect(report.bytesWritten).toBeLessThan(2 * MIN_QUOTA_BACKEND_BYTES)
    const alarms = await engine.maintenance.alarms('tiny')
    expect(alarms.length).toBeGreaterThan(0)
    expect(alarms.every((a) => a.alarm === 'NOSPACE')).toBe(true)
    expect(alarms.every((a) => ['etcd1', 'etcd2', 'etcd3'].includes(a.member))).toBe(true)
    await expect(engine.keys.put('tiny', text('/small'), text('x'))).rejects.toMatchObject({
      code: 'ETCD_REQUEST_FAILED',
      message: expect.stringContaining('database is full (NOSPACE alarm'),
    })
  })

  it('recovers: delete the filler, compact, defragment, disarm; then a put works', async () => {
    const { deleted } = await engine.keys.deletePrefix('tiny', text(FILL_PREFIX))
    expect(deleted).toBeGreaterThan(0)
    await engine.maintenance.compact('tiny')
    const defrag = await engine.maintenance.defragment('tiny')
    for (const step of defrag.steps) expect(step.after.dbSize).toBeLessThan(step.before.dbSize)
    // Space is back, but etcd keeps refusing writes until the alarm is disarmed.
    expect(await engine.maintenance.alarms('tiny')).not.toEqual([])
    const disarmed = await engine.maintenance.disarm('tiny')
    expect(disarmed.length).toBeGreaterThan(0)
    expect(await engine.maintenance.alarms('tiny')).toEqual([])
    const { revision } = await engine.keys.put('tiny', text('/small'), text('fits again'))
    expect(BigInt(revision)).toBeGreaterThan(0n)
    const report = engine.getCluster('tiny').lastOperation
    expect(report).toMatchObject({ kind: 'disarm', isSuccess: true })
    expect(report?.steps.some((s) => s.startsWith('disarmed NOSPACE of etcd'))).toBe(true)
  })

  it('refuses the drill on a cluster without a quota', async () => {
    await engine.createCluster(await freeSpec('roomy', 1))
    await expect(engine.maintenance.fill('roomy')).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
      message: expect.stringContaining('no space quota'),
    })
  })
})
