import { execFile, spawn } from 'node:child_process'
import { promisify } from 'node:util'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { Engine } from '../../../src/main/engine/engine'
import type { ClusterDefinition } from '../../../src/shared/cluster'
import { DataLayout } from '../../../src/main/store/data-layout'
import { crashEngineWithCluster } from '../../helpers/crash-engine'
import { engineClosedAfterEach, etcdctl, freeSpec } from '../../helpers/engine-fixture'
import { freePorts } from '../../helpers/free-port'

const execFileAsync = promisify(execFile)
const child = fileURLToPath(new URL('../../helpers/engine-child-add.ts', import.meta.url))

/** The pending change saved in cluster.json now (read as the next engine would). */
function pendingStep(layout: DataLayout, cluster: string): string | null {
  try {
    const def = JSON.parse(readFileSync(layout.clusterFile(cluster), 'utf8')) as ClusterDefinition
    return def.pendingChange?.step ?? null
  } catch {
    return null // written atomically, but read between rename and read: try again
  }
}

describe('a membership change interrupted by a crash', () => {
  const opened = engineClosedAfterEach()

  it('is finished by the next start: the member etcd added is started, and it says so', async () => {
    const dataDir = await crashEngineWithCluster('add-crash', await freeSpec('survivor', 3))
    const layout = new DataLayout(dataDir)
    const [clientPort, peerPort] = await freePorts(2)
    const member = { name: 'etcd4', clientPort, peerPort, asLearner: true }
    // An engine adopts the cluster and adds etcd4; it is SIGKILLed once etcd has added it
    // (saved as step "added") — before or while it starts etcd4.
    const adder = spawn(
      process.execPath,
      ['--import', 'tsx', child, dataDir, 'survivor', JSON.stringify(member)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    const exited = new Promise((resolve) => adder.once('exit', resolve))
    await vi.waitFor(() => expect(pendingStep(layout, 'survivor')).toBe('added'), {
      timeout: 60_000,
      interval: 5,
    })
    adder.kill('SIGKILL')
    await exited

    const engine = opened.set(await Engine.open({ dataDir }))
    expect(engine.startupReport?.lines).toContainEqual(
      expect.stringMatching(/^Finished adding member etcd4 to cluster survivor/),
    )
    const view = engine.getCluster('survivor')
    expect(view.definition.pendingChange ?? null).toBeNull()
    expect(view.members.find((m) => m.name === 'etcd4')).toMatchObject({
      state: 'running',
      isLearner: true,
    })
    const listed = JSON.parse(await etcdctl(view, ['member', 'list', '-w', 'json'])) as {
      members: { name?: string; isLearner?: boolean }[]
    }
    expect(listed.members.filter((m) => m.name === 'etcd4')).toEqual([
      expect.objectContaining({ isLearner: true }),
    ])
    await engine.stopCluster('survivor')
  })

  it('is rolled back by the next start when etcd never applied it', async () => {
    const dataDir = await crashEngineWithCluster('add-rollback', await freeSpec('survivor', 1))
    const layout = new DataLayout(dataDir)
    const [clientPort, peerPort] = await freePorts(2)
    // The state an engine leaves when it dies right after saving "requested", before etcd heard.
    const def = JSON.parse(
      readFileSync(layout.clusterFile('survivor'), 'utf8'),
    ) as ClusterDefinition
    const { writeJsonAtomic } = await import('../../../src/main/store/json-file')
    await writeJsonAtomic(layout.clusterFile('survivor'), {
      ...def,
      pendingChange: {
        kind: 'add',
        member: { name: 'etcd2', clientPort, peerPort, isLearner: true },
        asLearner: true,
        step: 'requested',
        memberId: null,
      },
    })

    const engine = opened.set(await Engine.open({ dataDir }))
    expect(engine.startupReport?.lines).toContainEqual(
      expect.stringMatching(
        /^Rolled back adding member etcd2 to cluster survivor: etcd never added it/,
      ),
    )
    const view = engine.getCluster('survivor')
    expect(view.members.map((m) => m.name)).toEqual(['etcd1'])
    expect(view.definition.pendingChange ?? null).toBeNull()
    await engine.stopCluster('survivor')
  })

  it('finishes a remove etcd applied before the crash: the member is stopped, dropped and deleted', async () => {
    const dataDir = await crashEngineWithCluster('remove-crash', await freeSpec('survivor', 3))
    const layout = new DataLayout(dataDir)
    const def = JSON.parse(
      readFileSync(layout.clusterFile('survivor'), 'utf8'),
    ) as ClusterDefinition
    const urls = def.members.map((m) => `http://127.0.0.1:${m.clientPort}`).join(',')
    // The simple format prints ids in hex (the JSON one as numbers too big for a JS number).
    const simple = (await execFileAsync('etcdctl', [`--endpoints=${urls}`, 'member', 'list']))
      .stdout
    const hexId = /^([0-9a-f]+), started, etcd3,/m.exec(simple)![1]!
    // What the crashed engine did: saved "requested", then etcd applied the remove.
    const { writeJsonAtomic } = await import('../../../src/main/store/json-file')
    await writeJsonAtomic(layout.clusterFile('survivor'), {
      ...def,
      pendingChange: {
        kind: 'remove',
        member: 'etcd3',
        memberId: hexId,
        keepData: false,
        step: 'requested',
      },
    })
    // etcd refuses it for ~5 s after the cluster started ("unhealthy cluster"): retry like a user.
    await vi.waitFor(
      () => execFileAsync('etcdctl', [`--endpoints=${urls}`, 'member', 'remove', hexId]),
      {
        timeout: 20_000,
        interval: 250,
      },
    )

    const engine = opened.set(await Engine.open({ dataDir }))
    expect(engine.startupReport?.lines).toContainEqual(
      expect.stringMatching(/^Finished removing member etcd3 from cluster survivor/),
    )
    expect(engine.getCluster('survivor').members.map((m) => m.name)).toEqual(['etcd1', 'etcd2'])
    expect(existsSync(layout.memberDir('survivor', 'etcd3'))).toBe(false)
    await engine.stopCluster('survivor')
  })

  it('rolls back a remove etcd never applied: the member stays', async () => {
    const dataDir = await crashEngineWithCluster('remove-rollback', await freeSpec('survivor', 3))
    const layout = new DataLayout(dataDir)
    const def = JSON.parse(
      readFileSync(layout.clusterFile('survivor'), 'utf8'),
    ) as ClusterDefinition
    const urls = def.members.map((m) => `http://127.0.0.1:${m.clientPort}`).join(',')
    const simple = (await execFileAsync('etcdctl', [`--endpoints=${urls}`, 'member', 'list']))
      .stdout
    const hexId = /^([0-9a-f]+), started, etcd3,/m.exec(simple)![1]!
    // What the crashed engine did: saved "requested" and died before etcd heard of it.
    const { writeJsonAtomic } = await import('../../../src/main/store/json-file')
    await writeJsonAtomic(layout.clusterFile('survivor'), {
      ...def,
      pendingChange: {
        kind: 'remove',
        member: 'etcd3',
        memberId: hexId,
        keepData: false,
        step: 'requested',
      },
    })

    const engine = opened.set(await Engine.open({ dataDir }))
    expect(engine.startupReport?.lines).toContainEqual(
      expect.stringMatching(
        /^Rolled back removing member etcd3 from cluster survivor: etcd still lists it/,
      ),
    )
    expect(engine.getCluster('survivor').members.map((m) => m.name)).toEqual([
      'etcd1',
      'etcd2',
      'etcd3',
    ])
    await engine.stopCluster('survivor')
  })
})
