import { createServer, type Server } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { Engine } from '../../../src/main/engine/engine'
import { probePort } from '../../../src/main/ports/port-probe'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import {
  engineClosedAfterEach,
  freeSpec,
  openTestEngine,
  waitHealthy,
} from '../../helpers/engine-fixture'
import { faultSpec, waitLeaderless } from '../../helpers/fault-cluster'
import { makeTestDir } from '../../helpers/test-dirs'

/** Holds a port like another program would, until the test ends. */
const held: Server[] = []
function holdPort(port: number): Promise<void> {
  const server = createServer()
  held.push(server)
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
}

afterEach(async () => {
  await Promise.all(held.splice(0).map((s) => new Promise((r) => s.close(r))))
})

describe('the peer proxies of a network-fault cluster', () => {
  const engines = engineClosedAfterEach()

  it('refuse fault actions on a cluster without network faults, naming the member', async () => {
    const engine = engines.set(await openTestEngine('faults-off'))
    await engine.createCluster(await freeSpec('plain', 3), { start: false })
    expect(engine.getCluster('plain').members[0]?.faults).toBeNull()
    await expect(engine.isolateMember('plain', 'etcd2')).rejects.toMatchObject({
      code: 'NETWORK_FAULTS_OFF',
      detail: { cluster: 'plain', member: 'etcd2' },
    })
    await expect(engine.setMemberLatency('plain', 'etcd2', 200)).rejects.toMatchObject({
      code: 'NETWORK_FAULTS_OFF',
    })
    await expect(engine.healMember('plain', 'nobody')).rejects.toMatchObject({
      code: 'MEMBER_NOT_FOUND',
    })
  })

  it('refuse a create whose proxy port is taken, naming the member and the port', async () => {
    const engine = engines.set(await openTestEngine('faults-port'))
    const spec = await faultSpec('busy', 3)
    const taken = spec.members[1]!.proxyPort!
    await holdPort(taken)
    await expect(engine.createCluster(spec)).rejects.toMatchObject({
      code: 'PORT_IN_USE',
      detail: { port: taken, member: 'etcd2', kind: 'proxy', cluster: 'busy' },
    })
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })

  it('listen from the cluster load on; one taken meanwhile refuses the start', async () => {
    const dataDir = makeTestDir('faults-reload')
    const first = await Engine.open({ dataDir })
    const spec = await faultSpec('later', 3)
    await first.createCluster(spec, { start: false })
    const proxyPort = spec.members[0]!.proxyPort!
    expect((await probePort('127.0.0.1', proxyPort)).free).toBe(false)
    await first.close()
    expect((await probePort('127.0.0.1', proxyPort)).free).toBe(true)
    await holdPort(proxyPort)
    const engine = engines.set(await Engine.open({ dataDir }))
    await expect(engine.startCluster('later')).rejects.toMatchObject({
      code: 'PORT_IN_USE',
      detail: { port: proxyPort, member: 'etcd1', kind: 'proxy' },
    })
    expect(findEtcdProcesses(dataDir)).toEqual([])
  })

  it('are re-created by the next engine for members left running, without the old faults', async () => {
    const dataDir = makeTestDir('faults-keep')
    const first = engines.set(await Engine.open({ dataDir }))
    await first.createCluster(await faultSpec('kept', 3))
    await first.isolateMember('kept', 'etcd3')
    await waitLeaderless(first, 'kept', 'etcd3')
    await first.close({ keepRunning: true })
    expect(findEtcdProcesses(dataDir)).toHaveLength(3)
    const next = engines.set(await Engine.open({ dataDir }))
    expect(next.reconciled.map((o) => o.action)).toEqual(['adopted', 'adopted', 'adopted'])
    // The faults lived in the proxies of the engine that quit: the new ones start healed.
    expect(next.getCluster('kept').members.map((m) => m.faults?.isolated)).toEqual([
      false,
      false,
      false,
    ])
    expect((await waitHealthy(next, 'kept')).healthyCount).toBe(3)
    await next.stopCluster('kept')
  })
})
