import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { Engine } from '../../../src/main/engine/engine'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { etcdctl, freeSpec, waitFor, waitHealthy } from '../../helpers/engine-fixture'
import { makeTestDir } from '../../helpers/test-dirs'

const child = fileURLToPath(new URL('../../helpers/engine-child.ts', import.meta.url))

/** Starts an engine in another process with a running cluster, then SIGKILLs that engine. */
async function crashEngineWithCluster(label: string, members: number): Promise<string> {
  const dataDir = makeTestDir(label)
  const spec = await freeSpec('survivor', members)
  // node itself (not the tsx wrapper, which would leave its node child alive when SIGKILLed).
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, JSON.stringify(spec)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    proc.stdout.on('data', (d: Buffer) => d.toString().includes('READY') && resolve())
    proc.once('exit', (code) => reject(new Error(`engine child exited early with ${code}`)))
  })
  const exited = new Promise((r) => proc.once('exit', r))
  proc.kill('SIGKILL')
  await exited
  return dataDir
}

const opened: Engine[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((e) => e.close()))
})

describe('after the engine is SIGKILLed with a running cluster', () => {
  it('the next engine adopts the members: same pids, no duplicates, still serving', async () => {
    const dataDir = await crashEngineWithCluster('crash-adopt', 3)
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
    const dataDir = await crashEngineWithCluster('crash-stop', 1)
    expect(findEtcdProcesses(dataDir)).toHaveLength(1)
    const engine = await Engine.open({ dataDir, orphanPolicy: 'stop' })
    opened.push(engine)
    expect(engine.reconciled.map((o) => o.action)).toEqual(['stopped'])
    expect(findEtcdProcesses(dataDir)).toEqual([])
    expect(engine.getCluster('survivor').state).toBe('stopped')
  })

  it('never touches a process whose command line does not match the record', async () => {
    const dataDir = await crashEngineWithCluster('crash-foreign', 1)
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
