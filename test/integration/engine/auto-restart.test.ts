import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import type { MemberView } from '../../../src/shared/cluster'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { freeSpec, openTestEngine, waitFor } from '../../helpers/engine-fixture'

describe('auto-restart with a crash-loop limit', () => {
  let engine: Engine
  const member = (): MemberView => engine.getCluster('phoenix').members[0]!

  beforeAll(async () => {
    engine = await openTestEngine('restart', {
      // Any uptime counts as "quick" here, so every crash adds to the crash-loop count.
      autoRestart: { enabled: true, maxRestarts: 2, minUptimeMs: 600_000, backoffMs: 100 },
    })
    await engine.createCluster(await freeSpec('phoenix', 1))
  })

  afterAll(async () => {
    await engine.close()
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })

  it('restarts a member that crashed, then gives up after too many quick crashes', async () => {
    for (const attempt of [1, 2]) {
      const pid = member().pid!
      process.kill(pid, 'SIGKILL')
      const back = await waitFor(
        member,
        (m) => m.state === 'running' && m.pid !== null && m.pid !== pid,
      )
      expect(back.restarts).toBe(attempt)
      expect(back.lastExit?.signal).toBe('SIGKILL')
    }
    process.kill(member().pid!, 'SIGKILL')
    const given = await waitFor(member, (m) => m.state === 'errored')
    expect(given.state).toBe('errored')
    expect(given.pid).toBeNull()
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })

  it('does not restart a member the user killed', async () => {
    // A member of another cluster that crashes at the same moment is restarted: once it runs
    // again, the killed member has had every chance to be restarted too.
    const witnessSpec = await freeSpec('witness', 1)
    await Promise.all([engine.createCluster(witnessSpec), engine.startMember('phoenix', 'etcd1')])
    const witness = (): MemberView => engine.getCluster('witness').members[0]!
    const witnessPid = witness().pid!
    await engine.killMember('phoenix', 'etcd1')
    process.kill(witnessPid, 'SIGKILL')
    await waitFor(witness, (m) => m.state === 'running' && m.pid !== witnessPid)
    expect(member()).toMatchObject({ state: 'stopped', pid: null })
    await engine.deleteCluster('witness', { stopFirst: true })
  })

  it('deletes a running cluster only when asked to stop it first', async () => {
    await engine.startCluster('phoenix')
    await expect(engine.deleteCluster('phoenix')).rejects.toMatchObject({ code: 'CLUSTER_RUNNING' })
    await engine.deleteCluster('phoenix', { stopFirst: true })
    expect(engine.listClusters()).toEqual([])
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
  })
})
