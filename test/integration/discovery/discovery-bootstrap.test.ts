/**
 * Discovery bootstrap on real etcd (README "Discovery"): the engine runs a discovery etcd, creates
 * a token with the cluster size, and the members find each other through it; the errors of a
 * full token, a wrong size and an unreachable service; nothing left running, the discovery etcd
 * included.
 */
import { createServer, type Server } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import { v2DiscoveryUrlOf } from '../../../src/shared/discovery'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { etcdctl, freeSpec, openTestEngine, waitHealthy } from '../../helpers/engine-fixture'
import { testEtcdLines } from '../../helpers/etcd-versions'

/** The engine's error for a promise that must fail: its code and message. */
async function failure(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise
  } catch (error) {
    return error as { code?: string; message: string }
  }
  throw new Error('expected a failure')
}

describe.each(testEtcdLines())('discovery bootstrap on etcd $version', (etcd) => {
  let engine: Engine
  const blockers: Server[] = []

  beforeAll(async () => {
    engine = await openTestEngine(`discovery-${etcd.line}`, { etcdPath: etcd.etcd })
  })

  afterAll(async () => {
    await engine.close()
    for (const server of blockers) server.close()
    // The members and the discovery etcd (its data dir is under the data directory too).
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })

  it('bootstraps 3 members through the registry, without --initial-cluster', async () => {
    const spec = { ...(await freeSpec('disc', 3)), bootstrap: 'discovery' as const }
    const view = await engine.createCluster(spec)
    const discovery = view.definition.discovery!
    expect(discovery).toMatchObject({ protocol: 'v2', size: 3 })
    const status = await waitHealthy(engine, 'disc')
    expect(status.memberList.map((m) => m.name).sort()).toEqual(['etcd1', 'etcd2', 'etcd3'])
    const listed = JSON.parse(
      await etcdctl(engine.getCluster('disc'), ['member', 'list', '-w', 'json'], etcd.etcdctl),
    ) as { members: { name: string }[] }
    expect(listed.members).toHaveLength(3)

    const commands = await engine.clusterCommands('disc')
    for (const member of commands.members) {
      expect(member.args).toContain(`--discovery=${v2DiscoveryUrlOf(discovery)}`)
      expect(member.args.some((a) => a.startsWith('--initial-cluster'))).toBe(false)
    }
    expect(commands.discovery?.etcd).toContain('--enable-v2=true')
    expect(commands.discovery?.createToken).toContain(`_config/size -d value=3`)
    expect(commands.discovery?.entries).toHaveLength(3)
    expect(commands.discovery?.entries?.map((e) => e.value.split('=')[0]).sort()).toEqual([
      'etcd1',
      'etcd2',
      'etcd3',
    ])
  })

  it('restarts from its data without the discovery etcd (flags ignored once bootstrapped)', async () => {
    await engine.stopCluster('disc')
    await engine.discovery.etcd.stop()
    await engine.startCluster('disc')
    await waitHealthy(engine, 'disc')
    expect(engine.discovery.etcd.isRunning).toBe(false)
    await engine.stopCluster('disc')
  })

  it('refuses a wrong size before starting anything', async () => {
    const spec = { ...(await freeSpec('disc-size', 3)), bootstrap: 'discovery' as const }
    const view = await engine.createCluster(spec, { start: false })
    const url = v2DiscoveryUrlOf(view.definition.discovery!)
    await fetch(`${url}/_config/size`, { method: 'PUT', body: new URLSearchParams({ value: '2' }) })
    const error = await failure(engine.startCluster('disc-size'))
    expect(error.code).toBe('DISCOVERY_SIZE_MISMATCH')
    expect(error.message).toContain('disc-size')
    expect(error.message).toContain(url)
    expect(engine.getCluster('disc-size').members.every((m) => m.state === 'stopped')).toBe(true)
    await engine.deleteCluster('disc-size')
  })

  it('explains a full token: etcd refuses members beyond the size', async () => {
    const spec = { ...(await freeSpec('disc-full', 3)), bootstrap: 'discovery' as const }
    const view = await engine.createCluster(spec, { start: false })
    const url = v2DiscoveryUrlOf(view.definition.discovery!)
    // Three other members registered first: the registry is full before ours ask.
    for (const id of ['a1', 'b2', 'c3']) {
      const body = new URLSearchParams({ value: `other-${id}=http://127.0.0.1:1` })
      await fetch(`${url}/${id}`, { method: 'PUT', body })
    }
    const error = await failure(engine.startCluster('disc-full'))
    expect(error.code).toBe('DISCOVERY_FULL')
    expect(error.message).toMatch(/Member etcd\d of cluster disc-full/)
    expect(error.message).toContain(url)
    expect(findEtcdProcesses(engine.layout.clusterDir('disc-full'))).toEqual([])
    await engine.deleteCluster('disc-full')
  })

  it('says when the discovery service does not answer at the saved URL', async () => {
    const spec = { ...(await freeSpec('disc-gone', 3)), bootstrap: 'discovery' as const }
    const view = await engine.createCluster(spec, { start: false })
    const endpoint = view.definition.discovery!.endpoint
    await engine.discovery.etcd.stop()
    // Something else took its port meanwhile: it accepts connections and closes them at once.
    const blocker = createServer((socket) => socket.destroy())
    blockers.push(blocker)
    await new Promise<void>((resolve) =>
      blocker.listen(Number(new URL(endpoint).port), '127.0.0.1', resolve),
    )
    const error = await failure(engine.startCluster('disc-gone'))
    expect(error.code).toBe('DISCOVERY_UNREACHABLE')
    expect(error.message).toContain(endpoint)
    await engine.deleteCluster('disc-gone')
  })

  it('stops the discovery etcd when the last discovery cluster is deleted', async () => {
    const spec = { ...(await freeSpec('disc-last', 3)), bootstrap: 'discovery' as const }
    await engine.createCluster(spec, { start: false })
    expect(engine.discovery.etcd.isRunning).toBe(true)
    await engine.deleteCluster('disc')
    expect(engine.discovery.etcd.isRunning).toBe(true)
    await engine.deleteCluster('disc-last')
    expect(engine.discovery.etcd.isRunning).toBe(false)
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })

  it('stops the discovery etcd on engine close', async () => {
    const spec = { ...(await freeSpec('disc-close', 3)), bootstrap: 'discovery' as const }
    await engine.createCluster(spec)
    await waitHealthy(engine, 'disc-close')
    expect(findEtcdProcesses(engine.discovery.etcd.paths.dir)).toHaveLength(1)
    await engine.close()
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })
})
