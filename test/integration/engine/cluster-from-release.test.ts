import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handleRequest } from '../../../src/main/contract/request-handlers'
import type { Engine } from '../../../src/main/engine/engine'
import type { InstallProgress } from '../../../src/shared/releases'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { freeSpec, openTestEngine, waitHealthy } from '../../helpers/engine-fixture'
import { startReleaseServer, type ReleaseServer } from '../../helpers/release-server'
import { REAL_VERSION } from '../releases/release-archives'
import { buildRealArchives, publish } from '../releases/release-fixture'

describe('a cluster on a version that is not installed yet', () => {
  let server: ReleaseServer
  let engine: Engine
  const progress: InstallProgress[] = []

  beforeAll(async () => {
    server = await startReleaseServer()
    publish(server, (await buildRealArchives()).tarGz)
    // The mirror is the only source: tests never reach the internet (ETCD_DESK_OFFLINE=1).
    engine = await openTestEngine('from-release', { releaseMirror: server.base })
    engine.releases.on('progress', (p) => progress.push(p))
  })

  afterAll(async () => {
    await engine.close()
    await server.close()
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })

  it('downloads it with progress during create, then runs all 3 members from the cache', async () => {
    const spec = { ...(await freeSpec('released', 3)), etcdVersion: REAL_VERSION }
    const view = await engine.createCluster(spec)
    expect(view.state).toBe('running')
    expect(view.definition.resolvedVersion).toBe(REAL_VERSION)
    expect((await waitHealthy(engine, 'released'))?.healthyCount).toBe(3)
    const binary = `${engine.layout.releasesDir}/v${REAL_VERSION}/etcd`
    const processes = findEtcdProcesses(engine.layout.root)
    expect(processes).toHaveLength(3)
    expect(processes.every((p) => p.args[0] === binary)).toBe(true)
    const phases = progress.map((p) => p.phase)
    expect(phases).toContain('downloading')
    expect(phases.at(-1)).toBe('installed')
    expect(server.countOf(`.tar.gz`)).toBeGreaterThanOrEqual(1)
  })

  it('lists the version as installed and refuses to remove it while a cluster uses it', async () => {
    const installed = await handleRequest(engine, 'releases:installed', {})
    expect(installed.ok && installed.value.map((r) => r.version)).toEqual([REAL_VERSION])
    const removed = await handleRequest(engine, 'releases:remove', { version: REAL_VERSION })
    expect(removed).toMatchObject({ ok: false, error: { code: 'RELEASE_IN_USE' } })
    const list = await handleRequest(engine, 'releases:list', {})
    expect(
      list.ok && list.value.releases.find((r) => r.version === REAL_VERSION)?.isInstalled,
    ).toBe(true)
  })

  it('a second cluster on the same version does not download again', async () => {
    const before = server.countOf('.tar.gz')
    await engine.createCluster({ ...(await freeSpec('again', 1)), etcdVersion: REAL_VERSION })
    expect(server.countOf('.tar.gz')).toBe(before)
    await engine.deleteCluster('again', { stopFirst: true })
  })
})
