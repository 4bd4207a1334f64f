import { afterAll, describe, expect, it } from 'vitest'
import { Engine } from '../../../src/main/engine/engine'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { freeSpec, waitHealthy } from '../../helpers/engine-fixture'
import { makeTestDir } from '../../helpers/test-dirs'

describe('quitting with "keep clusters running"', () => {
  const dataDir = makeTestDir('keep-running')
  let next: Engine | null = null

  afterAll(async () => {
    await next?.close()
    expect(findEtcdProcesses(dataDir)).toEqual([])
  })

  it('leaves members running, releases the data dir, and the next engine adopts them', async () => {
    const first = await Engine.open({ dataDir })
    await first.createCluster(await freeSpec('background', 3))
    const pids = first
      .getCluster('background')
      .members.map((m) => m.pid)
      .sort()
    await first.close({ keepRunning: true })
    expect(
      findEtcdProcesses(dataDir)
        .map((p) => p.pid)
        .sort(),
    ).toEqual(pids)

    next = await Engine.open({ dataDir })
    expect(next.reconciled.map((o) => o.action)).toEqual(['adopted', 'adopted', 'adopted'])
    expect(
      next
        .getCluster('background')
        .members.map((m) => m.pid)
        .sort(),
    ).toEqual(pids)
    expect((await waitHealthy(next, 'background'))?.healthyCount).toBe(3)
    await next.stopCluster('background')
    expect(findEtcdProcesses(dataDir)).toEqual([])
  })
})
