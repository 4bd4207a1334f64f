import { join } from 'node:path'
import { clientUrlOf, memberArgs } from '../src/main/cluster/etcd-flags'
import { ClusterMetrics } from '../src/main/engine/cluster-metrics'
import { Engine } from '../src/main/engine/engine'
import { PLAIN_SECURITY } from '../src/main/etcd/client-security'
import { silentLog } from '../src/main/log/engine-log'
import type { MetricsSample } from '../src/shared/metrics'
import {
  benchMembers,
  killAll,
  plainDefinition,
  report,
  scratchDir,
  spawnPlain,
  waitAllHealthy,
} from './bench-support'
import { observeMainThread, TAKE_MAIN_THREAD, type MainThread } from './logs-throughput'
import { sleep, startUiBench, valueOf } from './ui-bench-support'

/** Sampling time measured; BENCH_METRICS_SECONDS shortens it while iterating. */
const SECONDS = Number(process.env.BENCH_METRICS_SECONDS ?? 60)
/** The whole engine, idle then sampling, for context (its status polls cost more than sampling). */
const ENGINE_SECONDS = 20
/** Charts updating in the window while its main thread is watched. */
const WINDOW_SECONDS = 30
const TARGET = 0.02
const TARGET_LONGEST_TASK_MS = 50

/** CPU share of one core the engine process used over `seconds`. */
async function cpuShare(
  seconds: number,
): Promise<{ share: number; cpuMs: number; wallMs: number }> {
  const before = process.cpuUsage()
  const started = performance.now()
  await sleep(seconds * 1000)
  const cpu = process.cpuUsage(before)
  const wallMs = performance.now() - started
  const cpuMs = (cpu.user + cpu.system) / 1000
  return { share: cpuMs / wallMs, cpuMs, wallMs }
}

/**
 * The sampler in-process, alone: the engine's ClusterMetrics (timer, rounds, parsing, ring,
 * pushes) over a plain 3-member cluster for SECONDS; this process does nothing else meanwhile.
 */
async function samplerShare(): Promise<number> {
  const { dir, cleanup } = scratchDir('metrics-plain')
  const members = await benchMembers(3)
  const def = plainDefinition('metrics', members)
  const children = spawnPlain(
    members.map((m) => memberArgs(def, m, { dataDir: join(dir, m.name) }, '3.4')),
  )
  try {
    const targets = members.map((m) => ({
      name: m.name,
      clientUrl: clientUrlOf(def, m),
      isStoppedOnPurpose: false,
    }))
    await waitAllHealthy(targets.map((t) => t.clientUrl))
    const metrics = new ClusterMetrics({
      sourceOf: () => ({
        source: {
          members: () => targets,
          security: () => PLAIN_SECURITY,
          status: () => null,
          probeP99Ms: () => null,
        },
        isActive: () => true,
        watch: () => () => undefined,
      }),
      log: silentLog(),
    })
    const samples: MetricsSample[] = []
    metrics.subscribe('metrics', (b) => samples.push(...b.samples))
    await sleep(2_000) // the first round opens the members' connections
    const taken = samples.length
    const sampling = await cpuShare(SECONDS)
    await metrics.closeAll()
    const rounds = samples.slice(taken)
    const complete = rounds.filter((s) => s.members.every((m) => m.dbSizeBytes !== null))
    console.log(
      `sampler alone (3 members, every 1.5 s): ${sampling.cpuMs.toFixed(0)} ms CPU over ${sampling.wallMs.toFixed(0)} ms = ${(sampling.share * 100).toFixed(2)} % of a core; ${rounds.length} rounds, ${complete.length} with all 3 members`,
    )
    return sampling.share
  } finally {
    await killAll(children)
    cleanup()
  }
}

/** The whole engine with a 3-member cluster, idle then sampling (context for the sampler's share). */
async function engineShares(): Promise<void> {
  const { dir, cleanup } = scratchDir('metrics')
  const engine = await Engine.open({ dataDir: join(dir, 'engine') })
  try {
    const members = await benchMembers(3)
    await engine.createCluster({
      name: 'metrics',
      members,
      etcdVersion: 'system',
      host: '127.0.0.1',
    })
    // Let start-up work (first polls, log read-back) settle before measuring.
    await sleep(3_000)
    const idle = await cpuShare(ENGINE_SECONDS)
    const samples: MetricsSample[] = []
    const { subscriptionId } = engine.metrics.subscribe('metrics', (b) =>
      samples.push(...b.samples),
    )
    await sleep(2_000) // the first round opens the members' connections
    const taken = samples.length
    const sampling = await cpuShare(ENGINE_SECONDS)
    await engine.metrics.unsubscribe(subscriptionId)
    const rounds = samples.length - taken
    const complete = samples
      .slice(taken)
      .filter((s) => s.members.every((m) => m.dbSizeBytes !== null))
    console.log(
      `engine idle (3 members, status polls): ${idle.cpuMs.toFixed(0)} ms CPU over ${idle.wallMs.toFixed(0)} ms = ${(idle.share * 100).toFixed(2)} % of a core`,
    )
    console.log(
      `engine sampling metrics: ${sampling.cpuMs.toFixed(0)} ms CPU over ${sampling.wallMs.toFixed(0)} ms = ${(sampling.share * 100).toFixed(2)} % of a core; ${rounds} rounds (${complete.length} with all 3 members), the sampler's own share ≈ ${((sampling.share - idle.share) * 100).toFixed(2)} %`,
    )
    await engine.stopCluster('metrics')
  } finally {
    await engine.close()
    cleanup()
  }
}

/** Prints the long tasks one window phase had. */
function describeMainThread(phase: string, mainThread: MainThread): void {
  const { tasks } = mainThread
  const longest = tasks.length > 0 ? `${Math.max(...tasks).toFixed(0)} ms` : 'none (all < 50 ms)'
  console.log(
    `window, ${phase}, 3 members, ${WINDOW_SECONDS} s: long tasks (≥ 50 ms): ${tasks.length}, longest ${longest} (target ≤ ${TARGET_LONGEST_TASK_MS} ms); longest gap between 10 ms timer ticks ${mainThread.maxGap.toFixed(0)} ms`,
  )
}

/** The window side: the Metrics tab of a 3-member cluster open while its charts update. */
async function windowLongestTask(): Promise<void> {
  const bench = await startUiBench('metrics')
  try {
    valueOf(
      await bench.api.request('cluster:create', {
        name: 'charts',
        members: await benchMembers(3),
        etcdVersion: 'system',
        host: '127.0.0.1',
      }),
      'creating cluster charts',
    )
    const { page, pageErrors } = await bench.openPage()
    await page.getByRole('tab', { name: 'Members' }).waitFor()
    // The same window on the Members tab first: what this machine's load alone gives.
    await observeMainThread(page)
    await sleep(WINDOW_SECONDS * 1000)
    describeMainThread('Members tab (baseline)', await page.evaluate<MainThread>(TAKE_MAIN_THREAD))
    await page.getByRole('tab', { name: 'Metrics' }).click()
    const raft = page.getByRole('figure', { name: 'Raft index' })
    await raft.getByRole('row', { name: /etcd3/ }).waitFor({ timeout: 20_000 })
    await page.evaluate(TAKE_MAIN_THREAD)
    await sleep(WINDOW_SECONDS * 1000)
    describeMainThread(
      'Metrics tab, charts updating',
      await page.evaluate<MainThread>(TAKE_MAIN_THREAD),
    )
    if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.join('; ')}`)
  } finally {
    await bench.close()
  }
}

/**
 * metrics-overhead: the CPU of the engine's metrics sampler, running in-process, while it samples
 * every member of a 3-member cluster (each member's /metrics every 1.5 s) for 60 s, as a share of
 * one core; the whole engine's figures for context; then the window's longest main-thread task
 * while the Metrics tab's charts update.
 */
export async function metricsOverhead(): Promise<void> {
  const share = await samplerShare()
  await engineShares()
  await windowLongestTask()
  report('metrics-overhead', share, TARGET)
}
