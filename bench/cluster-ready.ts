import { join } from 'node:path'
import { memberArgs, clientUrlOf } from '../src/main/cluster/etcd-flags'
import { Engine } from '../src/main/engine/engine'
import {
  benchMembers,
  killAll,
  median,
  report,
  scratchDir,
  spawnPlain,
  waitAllHealthy,
  plainDefinition,
} from './bench-support'

/** Paired runs; cold starts are bimodal (split first elections), so medians need many pairs. */
const PAIRS = 20
const TARGET = 1.1

/**
 * cluster-ready: create → all 3 members healthy through the engine, vs. the same flags started by
 * a plain script polling /health; runs alternate so both see the same machine state.
 */
export async function clusterReady(): Promise<void> {
  const { dir, cleanup } = scratchDir('ready')
  const engine = await Engine.open({ dataDir: join(dir, 'engine') })
  const engineTimes: number[] = []
  const plainTimes: number[] = []
  try {
    for (let i = 0; i < PAIRS; i++) {
      const order = i % 2 === 0 ? ['engine', 'plain'] : ['plain', 'engine']
      for (const which of order) {
        if (which === 'engine') engineTimes.push(await timeEngine(engine, `ready-${i}`))
        else plainTimes.push(await timePlain(join(dir, `plain-${i}`), i))
      }
      console.log(
        `pair ${i + 1}/${PAIRS}: engine ${engineTimes.at(-1)} ms, plain ${plainTimes.at(-1)} ms`,
      )
    }
  } finally {
    await engine.close()
    cleanup()
  }
  const [e, p] = [median(engineTimes), median(plainTimes)]
  console.log(`median engine ${e} ms, median plain script ${p} ms`)
  report('cluster-ready', e / p, TARGET)
}

async function timeEngine(engine: Engine, name: string): Promise<number> {
  const members = await benchMembers(3)
  const started = performance.now()
  await engine.createCluster({ name, members, etcdVersion: 'system', host: '127.0.0.1' })
  const elapsed = Math.round(performance.now() - started)
  await engine.stopCluster(name)
  await engine.deleteCluster(name)
  return elapsed
}

async function timePlain(dir: string, i: number): Promise<number> {
  const members = await benchMembers(3)
  const def = plainDefinition(`plain-${i}`, members)
  const args = members.map((m) => memberArgs(def, m, { dataDir: join(dir, m.name) }, '3.4'))
  const started = performance.now()
  const children = spawnPlain(args)
  await waitAllHealthy(members.map((m) => clientUrlOf(def, m)))
  const elapsed = Math.round(performance.now() - started)
  await killAll(children)
  return elapsed
}
