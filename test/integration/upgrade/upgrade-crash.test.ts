import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { Engine } from '../../../src/main/engine/engine'
import { DataLayout } from '../../../src/main/store/data-layout'
import type { ClusterDefinition } from '../../../src/shared/cluster'
import { crashEngineWithCluster } from '../../helpers/crash-engine'
import { engineClosedAfterEach, freeSpec, waitHealthy } from '../../helpers/engine-fixture'
import { startReleaseMirror, type ReleaseMirror } from '../../helpers/release-mirror'
import { runningBinaries } from './upgrade-fixture'

const child = fileURLToPath(new URL('../../helpers/engine-child-upgrade.ts', import.meta.url))

/** How many members cluster.json says run `version` now (read as the next engine would). */
function membersOn(layout: DataLayout, cluster: string, version: string): number | null {
  return (
    savedDefinition(layout, cluster)?.members.filter((m) => m.etcdVersion === version).length ??
    null
  )
}

/** True between two members: one or two swapped, none being swapped (saved after its catch-up). */
function isBetweenMembers(layout: DataLayout, cluster: string, version: string): boolean {
  const def = savedDefinition(layout, cluster)
  const done = def?.members.filter((m) => m.etcdVersion === version).length ?? 0
  return done >= 1 && done < 3 && def?.pendingUpgrade?.member === null
}

function savedDefinition(layout: DataLayout, cluster: string): ClusterDefinition | null {
  try {
    return JSON.parse(readFileSync(layout.clusterFile(cluster), 'utf8')) as ClusterDefinition
  } catch {
    return null // written atomically, but read between rename and read: try again
  }
}

describe('a rolling upgrade interrupted by a crash of etcd Desk', () => {
  let mirror: ReleaseMirror
  const opened = engineClosedAfterEach()

  beforeAll(async () => {
    mirror = await startReleaseMirror(['3.5.16'])
  })
  afterAll(() => mirror?.close())

  it('is found at the next start: every member on the binary saved for it, reported, continued', async () => {
    const dataDir = await crashEngineWithCluster('upgrade-crash', await freeSpec('crashy', 3))
    const layout = new DataLayout(dataDir)
    // An engine adopts the cluster and upgrades it; it is SIGKILLed between two members (one or
    // two swapped, healthy and caught up; the next not yet stopped).
    const upgrader = spawn(
      process.execPath,
      ['--import', 'tsx', child, dataDir, 'crashy', '3.5.16', JSON.stringify(mirror.engineOptions)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    const exited = new Promise((resolve) => upgrader.once('exit', resolve))
    await vi.waitFor(() => expect(isBetweenMembers(layout, 'crashy', '3.5.16')).toBe(true), {
      timeout: 60_000,
      interval: 5,
    })
    upgrader.kill('SIGKILL')
    await exited
    const upgradedBeforeCrash = membersOn(layout, 'crashy', '3.5.16')!
    expect(upgradedBeforeCrash).toBeLessThan(3)

    const engine = opened.set(await Engine.open({ dataDir, ...mirror.engineOptions }))
    expect(engine.startupReport?.lines).toContainEqual(
      // Where the members are, by name and version only: "etcd1 (3.5.16); etcd2, etcd3 (3.4.23)".
      expect.stringMatching(
        /^The change of cluster crashy to etcd 3\.5\.16 was interrupted when etcd Desk last stopped: etcd\d(, etcd\d)* \(3\.[45]\.\d+\)(; etcd\d(, etcd\d)* \(3\.[45]\.\d+\))*\. /,
      ),
    )
    await waitHealthy(engine, 'crashy')
    const view = engine.getCluster('crashy')
    expect(view.definition.pendingUpgrade).toMatchObject({ paused: true, member: null })
    // Never two binaries for one member: each process runs the version saved for it.
    const binaries = runningBinaries(view)
    for (const member of view.members) {
      expect(member.state).toBe('running')
      expect(binaries[member.name]).toBe(
        member.etcdVersion === '3.5.16'
          ? join(layout.releasesDir, 'v3.5.16', 'etcd')
          : '/usr/bin/etcd',
      )
    }

    const report = await engine.upgrades.upgrade('crashy', { version: '3.5.16' })
    expect(report.outcome).toBe('done')
    expect(report.members.length).toBe(3 - upgradedBeforeCrash)
    expect(engine.getCluster('crashy').members.map((m) => m.etcdVersion)).toEqual(
      Array(3).fill('3.5.16'),
    )
  })
})
