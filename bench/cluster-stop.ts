import { join } from 'node:path'
import { clientUrlOf, memberArgs } from '../src/main/cluster/etcd-flags'
import { Engine } from '../src/main/engine/engine'
import {
  benchMembers,
  median,
  report,
  scratchDir,
  spawnPlain,
  waitAllHealthy,
  plainDefinition,
} from './bench-support'

/** Each baseline stop takes ~7 s (leader stalls on a transfer), so few runs suffice. */
const RUNS = 3
const TARGET = 0.05

/** cluster-stop: stopping a healthy 3-member cluster through the engine vs. SIGTERM to all at once. */
export async function clusterStop(): Promise<void> {
  const { dir, cleanup } = scratchDir('stop')
  const engine = await Engine.open({ dataDir: join(dir, 'engine') })
  const engineTimes: number[] = []
  const plainTimes: number[] = []
  try {
    for (let i = 0; i < RUNS; i++) {
      const members = await benchMembers(3)
      await engine.createCluster({
        name: `stop-${i}`,
        members,
        etcdVersion: 'system',
        host: '127.0.0.1',
      })
      // Let the first status poll land so the engine knows the leader, as it would in real use.
      await new Promise((r) => setTimeout(r, 1_500))
      const started = performance.now()
      await engine.stopCluster(`stop-${i}`)
      engineTimes.push(performance.now() - started)
      plainTimes.push(await timePlainStop(join(dir, `plain-${i}`), i))
      console.log(
        `run ${i + 1}/${RUNS}: engine ${engineTimes.at(-1)!.toFixed(0)} ms, SIGTERM-all ${plainTimes.at(-1)!.toFixed(0)} ms`,
      )
    }
  } finally {
    await engine.close()
    cleanup()
  }
  report('cluster-stop', median(engineTimes) / median(plainTimes), TARGET)
}

async function timePlainStop(dir: string, i: number): Promise<number> {
  const members = await benchMembers(3)
  const def = plainDefinition(`plain-stop-${i}`, members)
  const children = spawnPlain(
    members.map((m) => memberArgs(def, m, { dataDir: join(dir, m.name) }, '3.4')),
  )
  await waitAllHealthy(members.map((m) => clientUrlOf(def, m)))
  await new Promise((r) => setTimeout(r, 1_500))
  const started = performance.now()
  const exited = children.map((c) => new Promise((r) => c.once('exit', r)))
  children.forEach((c) => c.kill('SIGTERM'))
  await Promise.all(exited)
  return performance.now() - started
}
