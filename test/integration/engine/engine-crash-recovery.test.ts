import { afterEach, describe, expect, it } from 'vitest'
import { Engine } from '../../../src/main/engine/engine'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { etcdctl, freeSpec, waitFor, waitHealthy } from '../../helpers/engine-fixture'
import { crashEngineWithCluster } from '../../helpers/crash-engine'

/** Crashes an engine that runs a cluster named survivor of `members` members. */
async function crashWith(label: string, members: number): Promise<string> {
  return crashEngineWithCluster(label, await freeSpec('survivor', members))
}

const opened: Engine[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((e) => e.close()))
})

describe('after the engine is SIGKILLed with a running cluster', () => {
  it('the next engine adopts the members: same pids, no duplicates, still serving', async () => {
    const dataDir = await crashWith('crash-adopt', 3)
    const before = findEtcdProcesses(dataDir)
      .map((p) => p.pid)
      .sort()
    expect(before).toHaveLength(3)
    const engine = await Engine.open({ dataDir })
    opened.push(engine)
    expect(engine.reconciled.map((o) => o.action)).toEqual(['adopted', 'adopted', 'adopted'])
    const view = engine.getCluster('survivor')
    expect(view.members.map((m) => m.state)).toEqual(['running', 'running', 'running'])
    expect(view.members.map((m) => m.pid).sort()).toEqual(before)
    expect((await waitHealthy(engine, 'survivor'))?.healthyCount).toBe(3)
    await etcdctl(view, ['put', '/after-crash', 'yes'])
    expect(
      findEtcdProcesses(dataDir)
        .map((p) => p.pid)
        .sort(),
    ).toEqual(before)
    // Adopted members still log to their files, and the engine still follows them.
    const logs = await waitFor(
      () => engine.getLogs('survivor', 'etcd1'),
      (l) => l.length > 0,
    )
    expect(logs.length).toBeGreaterThan(0)
    await engine.stopCluster('survivor')
    expect(findEtcdProcesses(dataDir)).toEqual([])
  })

  it('with the stop policy, the next engine stops them instead', async () => {
    const dataDir = await crashWith('crash-stop', 1)
    expect(findEtcdProcesses(dataDir)).toHaveLength(1)
    const engine = await Engine.open({ dataDir, orphanPolicy: 'stop' })
    opened.push(engine)
    expect(engine.reconciled.map((o) => o.action)).toEqual(['stopped'])
    expect(findEtcdProcesses(dataDir)).toEqual([])
    expect(engine.getCluster('survivor').state).toBe('stopped')
  })

  it('never touches a process whose command line does not match the record', async () => {
    const dataDir = await crashWith('crash-foreign', 1)
    const [member] = findEtcdProcesses(dataDir)
    const { readFileSync, writeFileSync } = await import('node:fs')
    const runFile = `${dataDir}/clusters/survivor/run.json`
    const record = JSON.parse(readFileSync(runFile, 'utf8')) as { command: string }[]
    record[0]!.command += ' --something-else'
    writeFileSync(runFile, JSON.stringify(record))
    const engine = await Engine.open({ dataDir, orphanPolicy: 'stop' })
    opened.push(engine)
    expect(engine.reconciled.map((o) => o.action)).toEqual(['not-ours'])
    expect(findEtcdProcesses(dataDir).map((p) => p.pid)).toEqual([member!.pid])
    process.kill(member!.pid, 'SIGKILL')
  })
})
