import { join } from 'node:path'
import { Engine } from '../src/main/engine/engine'
import { PROBE_RATE_PER_SECOND } from '../src/shared/probe'
import { benchMembers, report, scratchDir } from './bench-support'

/** Why 10 s: long enough that the first second (connections, the lease grant) weighs little. */
const RUN_MS = 10_000
/** The probe should reach at least ~90 % of its planned rate on a healthy cluster. */
const TARGET = 1.1

/**
 * write-probe: the rate the write probe reaches on a healthy 3-member cluster, as planned rate
 * over achieved rate (1 = on plan), with its latency percentiles and failures.
 */
export async function writeProbe(): Promise<void> {
  const { dir, cleanup } = scratchDir('probe')
  const engine = await Engine.open({ dataDir: join(dir, 'engine') })
  try {
    const members = await benchMembers(3)
    await engine.createCluster({ name: 'probe', members, etcdVersion: 'system', host: '127.0.0.1' })
    const started = performance.now()
    await engine.probes.start('probe')
    await new Promise((resolve) => setTimeout(resolve, RUN_MS))
    const stats = engine.probes.stats('probe')
    const seconds = (performance.now() - started) / 1000
    await engine.probes.stop('probe')
    const rate = (stats.totals.ok + stats.totals.failed) / seconds
    console.log(
      `${rate.toFixed(1)} attempts/s, p50 ${stats.p50Ms} ms, p99 ${stats.p99Ms} ms, ${stats.totals.failed} failed`,
    )
    report('write-probe', PROBE_RATE_PER_SECOND / rate, TARGET, `(${rate.toFixed(1)}/s)`)
  } finally {
    await engine.close()
    cleanup()
  }
}
