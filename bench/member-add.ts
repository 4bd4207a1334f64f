import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'
import { clientUrlOf, memberArgs, peerUrlOf } from '../src/main/cluster/etcd-flags'
import { Engine } from '../src/main/engine/engine'
import {
  benchMembers,
  freePorts,
  killAll,
  median,
  plainDefinition,
  report,
  scratchDir,
  spawnPlain,
  waitAllHealthy,
} from './bench-support'

const execFileAsync = promisify(execFile)

/** Paired runs: each waits out etcd's ~5 s window after a start, so a few pairs say enough. */
const PAIRS = 4
const TARGET = 1.0
/** Why 250 ms: what a person's retry loop would sleep, and the engine's first pause too. */
const SCRIPT_RETRY_MS = 250

/**
 * member-add: on a 3-member cluster that was just (re)started, add a learner, start it, promote
 * it and wait until all four are healthy — through the engine, vs. a plain script doing the
 * documented etcdctl steps (retry member add until accepted, start the member, retry promote).
 */
export async function memberAdd(): Promise<void> {
  const { dir, cleanup } = scratchDir('member-add')
  const engine = await Engine.open({ dataDir: join(dir, 'engine') })
  const engineTimes: number[] = []
  const plainTimes: number[] = []
  try {
    for (let i = 0; i < PAIRS; i++) {
      const order = i % 2 === 0 ? ['engine', 'plain'] : ['plain', 'engine']
      for (const which of order) {
        if (which === 'engine') engineTimes.push(await timeEngine(engine, `add-${i}`))
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
  console.log(`median engine ${e} ms, median etcdctl script ${p} ms`)
  report('member-add', e / p, TARGET)
}

async function timeEngine(engine: Engine, name: string): Promise<number> {
  await engine.createCluster({
    name,
    members: await benchMembers(3),
    etcdVersion: 'system',
    host: '127.0.0.1',
  })
  const [clientPort, peerPort] = await freePorts(2)
  const started = performance.now()
  await engine.membership.add(name, {
    name: 'etcd4',
    clientPort: clientPort!,
    peerPort: peerPort!,
    asLearner: true,
  })
  await engine.membership.promote(name, 'etcd4')
  await waitAllHealthy(engine.getCluster(name).members.map((m) => m.clientUrl))
  const elapsed = Math.round(performance.now() - started)
  await engine.deleteCluster(name, { stopFirst: true })
  return elapsed
}

async function timePlain(dir: string, i: number): Promise<number> {
  const members = await benchMembers(3)
  const def = plainDefinition(`plain-${i}`, members)
  const children = spawnPlain(
    members.map((m) => memberArgs(def, m, { dataDir: join(dir, m.name) }, '3.4')),
  )
  const urls = members.map((m) => clientUrlOf(def, m))
  await waitAllHealthy(urls)
  const [clientPort, peerPort] = await freePorts(2)
  const added = { name: 'etcd4', clientPort: clientPort!, peerPort: peerPort! }
  const endpoints = `--endpoints=${urls.join(',')}`
  const started = performance.now()
  const out = await retry(
    ['member', 'add', 'etcd4', `--peer-urls=${peerUrlOf(def, added)}`, '--learner'],
    endpoints,
  )
  const id = /Member\s+([0-9a-f]+)\s+added/.exec(out)?.[1]
  const initialCluster = /ETCD_INITIAL_CLUSTER="([^"]+)"/.exec(out)?.[1]
  if (!id || !initialCluster) throw new Error(`unexpected member add output:\n${out}`)
  const joined = { ...added, joined: { initialCluster } }
  const child: ChildProcess = spawn(
    'etcd',
    memberArgs(def, joined, { dataDir: join(dir, 'etcd4') }, '3.4'),
    {
      stdio: 'ignore',
    },
  )
  await retry(['member', 'promote', id], endpoints)
  await waitAllHealthy([...urls, clientUrlOf(def, added)])
  const elapsed = Math.round(performance.now() - started)
  await killAll([...children, child])
  return elapsed
}

/** Runs an etcdctl command until it succeeds, as a retry loop in a shell script would. */
async function retry(args: string[], endpoints: string): Promise<string> {
  const deadline = Date.now() + 60_000
  for (;;) {
    try {
      const { stdout } = await execFileAsync('etcdctl', [endpoints, ...args], {
        env: { ...process.env, ETCDCTL_API: '3' },
      })
      return stdout
    } catch (error) {
      if (Date.now() > deadline) throw error
      await sleep(SCRIPT_RETRY_MS)
    }
  }
}
