import { chmodSync, copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import { describeEtcd, type EtcdBinary } from '../../../src/main/etcd/etcd-binary'
import { isEngineError } from '../../../src/main/errors/engine-error'
import { MIN_QUOTA_BACKEND_BYTES } from '../../../src/shared/cluster-schema'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { etcd35 } from '../../helpers/etcd-versions'
import {
  etcdctl,
  freeSpec,
  openTestEngine,
  waitFor,
  waitHealthy,
} from '../../helpers/engine-fixture'
import { makeTestDir } from '../../helpers/test-dirs'
import { runningBinaries } from './upgrade-fixture'

/** A copy of Debian's etcd 3.5.16 served as "release 3.5.16" through the install seam. */
function releaseCopy(): { dir: string; etcd: string } {
  const dir = join(makeTestDir('release-copy'), 'v3.5.16')
  mkdirSync(dir, { recursive: true })
  const real = etcd35()
  for (const [from, name] of [
    [real.etcd, 'etcd'],
    [real.etcdctl, 'etcdctl'],
  ] as const) {
    copyFileSync(from, join(dir, name))
    chmodSync(join(dir, name), 0o755)
  }
  return { dir, etcd: join(dir, 'etcd') }
}

/** Waits until the cluster's running operation is the upgrade. */
function upgradeRunning(engine: Engine, cluster: string) {
  return waitFor(
    () => engine.getCluster(cluster).operation?.kind,
    (kind) => kind === 'upgrade',
  )
}

describe('stopping, failing and refusing version changes (3.4.23 ↔ 3.5.16)', () => {
  let engine: Engine
  const copy = releaseCopy()
  let binary: Promise<EtcdBinary> | null = null

  beforeAll(async () => {
    engine = await openTestEngine('upgrade-stops', {
      // The install seam hands out the copy; a copy that lost its exec bit fails at spawn, like a
      // download the OS refuses to run (quarantine, wrong architecture).
      install: (version) => {
        if (version !== '3.5.16') throw new Error(`no ${version} here`)
        binary ??= describeEtcd(copy.etcd, 'release')
        return binary
      },
    })
  })

  afterAll(async () => {
    chmodSync(copy.etcd, 0o755)
    await engine?.close()
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })

  it("creates a mixed-version cluster on purpose: it runs at 3.4, the lowest member's line", async () => {
    const spec = await freeSpec('mixed', 3)
    const members = spec.members.map((m, i) => (i === 2 ? { ...m, etcdVersion: '3.5.16' } : m))
    await engine.createCluster({ ...spec, members })
    const status = await waitHealthy(engine, 'mixed')
    expect(status.members.map((m) => m.version).sort()).toEqual(['3.4.23', '3.4.23', '3.5.16'])
    await waitFor(
      () => engine.getStatus('mixed')?.clusterVersion,
      (v) => v === '3.4.0',
    )
    const view = engine.getCluster('mixed')
    expect(view.members.map((m) => m.etcdVersion)).toEqual(['3.4.23', '3.4.23', '3.5.16'])
    expect(runningBinaries(view).etcd3).toBe(copy.etcd)
    await engine.deleteCluster('mixed', { stopFirst: true })
  })

  it('pauses after the first member, leaving a healthy mixed cluster at version 3.4', async () => {
    await engine.createCluster(await freeSpec('pause', 3))
    await waitHealthy(engine, 'pause')
    const upgrading = engine.upgrades.upgrade('pause', { version: '3.5.16' })
    await upgradeRunning(engine, 'pause')
    await engine.upgrades.stop('pause', 'pause')
    const report = await upgrading
    expect(report).toMatchObject({ outcome: 'paused' })
    expect(report.members).toHaveLength(1)
    expect(report.probe?.failed).toBe(0)

    const view = engine.getCluster('pause')
    expect(view.definition.pendingUpgrade).toMatchObject({ paused: true, member: null })
    expect(view.members.map((m) => m.etcdVersion).sort()).toEqual(['3.4.23', '3.4.23', '3.5.16'])
    const status = await waitHealthy(engine, 'pause')
    await waitFor(
      () => engine.getStatus('pause')?.clusterVersion,
      (v) => v === '3.4.0',
    )
    expect(status.members.map((m) => m.version).sort()).toEqual(['3.4.23', '3.4.23', '3.5.16'])
    const choices = await engine.upgrades.choices('pause')
    expect(choices).toMatchObject({
      pending: { paused: true },
      clusterVersion: '3.4.0',
      authEnabled: false,
    })
    // Back to 3.4.23 is offered as a rollback while the cluster still runs at 3.4.
    expect(choices.options.find((o) => o.version === '3.4.23')?.verdict).toMatchObject({
      ok: true,
      plan: { kind: 'rollback' },
    })
  })

  it('rolls back a member whose new binary does not start, names it, and stops there', async () => {
    chmodSync(copy.etcd, 0o644)
    const failed = await engine.upgrades
      .upgrade('pause', { version: '3.5.16' })
      .catch((e: unknown) => e)
    expect(isEngineError(failed) && failed.code).toBe('MEMBER_UPGRADE_FAILED')
    const detail =
      isEngineError(failed) && failed.is('MEMBER_UPGRADE_FAILED') ? failed.detail : null
    expect(detail).toMatchObject({ cluster: 'pause', version: '3.5.16', rolledBackTo: '3.4.23' })
    expect((failed as Error).message).toContain(detail!.member)

    const view = engine.getCluster('pause')
    const member = view.members.find((m) => m.name === detail!.member)!
    expect(member).toMatchObject({ state: 'running', etcdVersion: '3.4.23' })
    expect(runningBinaries(view)[member.name]).toBe('/usr/bin/etcd')
    expect(view.definition.pendingUpgrade ?? null).toBeNull()
    expect(view.lastOperation).toMatchObject({ kind: 'upgrade', isSuccess: false })
    await waitHealthy(engine, 'pause')

    // With the binary fixed, the same upgrade finishes the rest.
    chmodSync(copy.etcd, 0o755)
    const done = await engine.upgrades.upgrade('pause', { version: '3.5.16' })
    expect(done.outcome).toBe('done')
    expect(done.members).toHaveLength(2)
    expect(engine.getCluster('pause').members.map((m) => m.etcdVersion)).toEqual(
      Array(3).fill('3.5.16'),
    )
  })

  it('aborts after the first member, then rolls that member back to 3.4.23 on the system etcd', async () => {
    await engine.createCluster(await freeSpec('abort', 3))
    await waitHealthy(engine, 'abort')
    const upgrading = engine.upgrades.upgrade('abort', { version: '3.5.16' })
    await upgradeRunning(engine, 'abort')
    await engine.upgrades.stop('abort', 'abort')
    expect(await upgrading).toMatchObject({ outcome: 'aborted', members: [{ to: '3.5.16' }] })
    expect(engine.getCluster('abort').definition.pendingUpgrade ?? null).toBeNull()
    await waitHealthy(engine, 'abort')

    const back = await engine.upgrades.upgrade('abort', { version: '3.4.23' })
    expect(back).toMatchObject({ outcome: 'done', plan: { kind: 'rollback' } })
    expect(back.probe?.failed).toBe(0)
    const view = engine.getCluster('abort')
    expect(view.definition).toMatchObject({ etcdVersion: 'system', resolvedVersion: '3.4.23' })
    expect(Object.values(runningBinaries(view))).toEqual(Array(3).fill('/usr/bin/etcd'))
    await expect(engine.upgrades.stop('abort', 'abort')).rejects.toMatchObject({
      code: 'NO_UPGRADE',
    })
  })

  it('refuses a cluster with a stopped member (naming it) and one with an active alarm, touching nothing', async () => {
    await engine.stopMember('abort', 'etcd2')
    await expect(engine.upgrades.upgrade('abort', { version: '3.5.16' })).rejects.toMatchObject({
      code: 'CLUSTER_UNHEALTHY',
      message: expect.stringContaining('etcd2 is stopped'),
    })
    await engine.startMember('abort', 'etcd2')
    await waitHealthy(engine, 'abort')

    const spec = { ...(await freeSpec('full', 1)), quotaBackendBytes: MIN_QUOTA_BACKEND_BYTES }
    await engine.createCluster(spec)
    await waitHealthy(engine, 'full')
    await engine.maintenance.fill('full')
    await expect(engine.upgrades.upgrade('full', { version: '3.5.16' })).rejects.toMatchObject({
      code: 'ALARMS_ACTIVE',
      detail: { alarms: [expect.stringMatching(/^NOSPACE on etcd1/)] },
    })
    expect(engine.getCluster('full').definition.pendingUpgrade ?? null).toBeNull()
    expect(engine.getCluster('full').members[0]).toMatchObject({
      state: 'running',
      etcdVersion: '3.4.23',
    })
    await engine.deleteCluster('full', { stopFirst: true })
  })

  it('refuses 3.4 → 3.6 (a skipped line) and, with authentication on, 3.4 → 3.5', async () => {
    const skip = await engine.upgrades
      .upgrade('abort', { version: '3.6.16' })
      .catch((e: unknown) => e)
    expect(isEngineError(skip) && skip.code).toBe('UPGRADE_PATH_UNSAFE')
    expect((skip as Error).message).toMatch(/skips a line/)
    expect(isEngineError(skip) && skip.detail).toMatchObject({
      hops: [expect.stringMatching(/^3\.5\./), '3.6.16'],
    })

    const view = engine.getCluster('abort')
    await etcdctl(view, ['user', 'add', 'root:rootpw'])
    await etcdctl(view, ['auth', 'enable'])
    const auth = await engine.upgrades
      .upgrade('abort', { version: '3.5.16' })
      .catch((e: unknown) => e)
    expect(isEngineError(auth) && auth.code).toBe('UPGRADE_AUTH_ENABLED')
    expect((auth as Error).message).toMatch(/authentication/i)
    const choices = await engine.upgrades.choices('abort')
    expect(choices.authEnabled).toBe(true)
    expect(choices.options.find((o) => o.version === '3.5.16')?.verdict).toMatchObject({
      ok: false,
      refusal: { code: 'UPGRADE_AUTH_ENABLED' },
    })
    // Nothing was touched: every member still runs the system etcd.
    expect(Object.values(runningBinaries(engine.getCluster('abort')))).toEqual(
      Array(3).fill('/usr/bin/etcd'),
    )
  }, 60_000)
})
