import { join } from 'node:path'
import { Engine } from '../src/main/engine/engine'
import type { UpgradeReport } from '../src/shared/upgrade'
import { startReleaseMirror } from '../test/helpers/release-mirror'
import { benchMembers, median, report, scratchDir, waitAllHealthy } from './bench-support'
import { manualRollingUpgrade, warmUp } from './manual-upgrade'

/** Paired runs, alternating which side goes first; each run is a whole 3-member upgrade. */
const PAIRS = 3
const TARGET = 1.1
const FROM = '3.4.23'
const TO = '3.5.16'

/**
 * rolling-upgrade: a 3-member cluster from 3.4.23 (Debian's, the system etcd) to 3.5.16 (served
 * by a loopback release mirror built from Debian's binaries) — through the engine vs. a plain
 * script doing the documented manual steps on plain etcd processes (bench/manual-upgrade.ts).
 * The write probe runs throughout on both sides; failed writes are summed over all runs. 3.5.16
 * is installed before anything is timed: the download is not part of the upgrade.
 */
export async function rollingUpgrade(): Promise<void> {
  const { dir, cleanup } = scratchDir('rolling-upgrade')
  const mirror = await startReleaseMirror([TO])
  let engine: Engine | null = null
  const engineTimes: number[] = []
  const scriptTimes: number[] = []
  /** Until the last member was healthy, before the cluster version moved (information only). */
  const scriptHealthyTimes: number[] = []
  const failed = { engine: 0, script: 0 }
  try {
    engine = await Engine.open({ dataDir: join(dir, 'engine'), ...mirror.engineOptions })
    const [oldEtcd, newEtcd] = [await engine.systemEtcd(), await engine.releases.install(TO)]
    if (oldEtcd?.version !== FROM) {
      throw new Error(`rolling-upgrade needs etcd ${FROM} on PATH, found ${oldEtcd?.version}`)
    }
    for (let i = 0; i < PAIRS; i++) {
      const order = i % 2 === 0 ? ['engine', 'script'] : ['script', 'engine']
      for (const which of order) {
        if (which === 'engine') {
          const run = await timeEngine(engine, `upgrade-${i}`)
          engineTimes.push(run.tookMs)
          failed.engine += run.failed
        } else {
          const run = await manualRollingUpgrade(
            join(dir, `script-${i}`),
            `script-${i}`,
            oldEtcd.etcd,
            newEtcd.etcd,
          )
          const last = run.lastError ? ` (last: ${run.lastError})` : ''
          console.log(
            `  script: ${run.probe.ok} ok, ${run.probe.failed} failed${last}; last member healthy after ${run.healthyMs} ms`,
          )
          scriptTimes.push(run.tookMs)
          scriptHealthyTimes.push(run.healthyMs)
          failed.script += run.probe.failed
        }
      }
      console.log(
        `pair ${i + 1}/${PAIRS}: engine ${engineTimes.at(-1)} ms, script ${scriptTimes.at(-1)} ms`,
      )
    }
  } finally {
    await engine?.close()
    await mirror.close()
    cleanup()
  }
  const [e, s] = [median(engineTimes), median(scriptTimes)]
  const h = median(scriptHealthyTimes)
  console.log(`median engine ${e} ms, median script ${s} ms (its last member healthy at ${h} ms)`)
  console.log(
    `engine / script until its last member was healthy: ${(e / h).toFixed(3)} (not the target)`,
  )
  report(
    'rolling-upgrade',
    e / s,
    TARGET,
    `failed=${failed.engine} (target 0) script-failed=${failed.script}`,
  )
}

/** Creates a 3-member cluster on the system etcd, upgrades it through the engine, deletes it. */
async function timeEngine(
  engine: Engine,
  name: string,
): Promise<{ tookMs: number; failed: number }> {
  const members = await benchMembers(3)
  await engine.createCluster({ name, members, etcdVersion: 'system', host: '127.0.0.1' })
  try {
    await waitAllHealthy(engine.getCluster(name).members.map((m) => m.clientUrl))
    await engine.probes.start(name)
    await warmUp({ totals: () => engine.probes.stats(name).totals })
    const started = performance.now()
    const upgrade = await engine.upgrades.upgrade(name, { version: TO })
    const tookMs = Math.round(performance.now() - started)
    const { lastError } = await engine.probes.stop(name)
    printReport(upgrade, lastError)
    if (upgrade.outcome !== 'done' || !upgrade.probe) {
      throw new Error(
        `engine upgrade ended ${upgrade.outcome}, probe ${JSON.stringify(upgrade.probe)}`,
      )
    }
    return { tookMs, failed: upgrade.probe.failed }
  } finally {
    await engine.deleteCluster(name, { stopFirst: true })
  }
}

function printReport(upgrade: UpgradeReport, lastError: string | null): void {
  for (const m of upgrade.members) {
    const back = m.rolledBack ? ' (rolled back)' : ''
    console.log(`  engine: ${m.member} ${m.from} → ${m.to} in ${m.tookMs} ms${back}`)
  }
  const probe = upgrade.probe
  const last = lastError ? ` (last: ${lastError})` : ''
  console.log(
    `  engine: ${probe?.ok ?? 0} ok, ${probe?.failed ?? NaN} failed${last}; cluster version ${upgrade.clusterVersion}`,
  )
}
