/**
 * A "system" cluster records the version of the etcd on PATH it was created with. When that etcd
 * changes, starting the cluster is refused if the change could harm its data (an older minor
 * line), and otherwise allowed and recorded. The real etcd 3.4.23 stays on PATH; the test edits
 * the stored cluster.json as if the cluster had been created under another system etcd.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { Engine } from '../../../src/main/engine/engine'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { freeSpec } from '../../helpers/engine-fixture'
import { makeTestDir, TEST_ROOT } from '../../helpers/test-dirs'

const engines: Engine[] = []
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()))
})
afterAll(() => {
  expect(findEtcdProcesses(join(TEST_ROOT, 'system-change-'))).toEqual([])
})

/** Opens an engine on `dataDir` (a later engine sees what an earlier one stored). */
async function engineOn(dataDir: string): Promise<Engine> {
  const engine = await Engine.open({ dataDir })
  engines.push(engine)
  return engine
}

/** Rewrites the version the cluster was created with, while no engine has it open. */
function recordVersion(engine: Engine, cluster: string, version: string): void {
  const file = join(engine.layout.clusterDir(cluster), 'cluster.json')
  const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  writeFileSync(file, JSON.stringify({ ...stored, resolvedVersion: version }))
}

describe('a system cluster whose etcd on PATH changed', () => {
  it('refuses an older line before any member starts, then records an allowed change', async () => {
    const dataDir = makeTestDir('system-change-')
    const first = await engineOn(dataDir)
    const created = await first.createCluster(await freeSpec('sys', 1))
    expect(created.definition.resolvedVersion).toBe('3.4.23')
    await first.stopCluster('sys')
    recordVersion(first, 'sys', '3.5.17')
    await first.close()

    const second = await engineOn(dataDir)
    await expect(second.startCluster('sys')).rejects.toMatchObject({
      code: 'ETCD_VERSION_CHANGED',
      message: expect.stringMatching(
        /Cluster sys was created with the system etcd 3\.5\.17, but the etcd on PATH is now 3\.4\.23/,
      ),
    })
    expect(findEtcdProcesses(dataDir)).toEqual([])
    expect(second.listClusters()[0]!.state).toBe('stopped')
    await second.close()

    recordVersion(second, 'sys', '3.4.20')
    const third = await engineOn(dataDir)
    const started = await third.startCluster('sys')
    expect(started.state).toBe('running')
    expect(third.listClusters()[0]!.definition.resolvedVersion).toBe('3.4.23')
    const stored = JSON.parse(
      readFileSync(join(third.layout.clusterDir('sys'), 'cluster.json'), 'utf8'),
    ) as { resolvedVersion: string }
    expect(stored.resolvedVersion).toBe('3.4.23')
    await third.stopCluster('sys')
  })
})
