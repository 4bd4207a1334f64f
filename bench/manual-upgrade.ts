import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { memberArgs } from '../src/main/cluster/etcd-flags'
import { PLAIN_SECURITY } from '../src/main/etcd/client-security'
import { silentLog } from '../src/main/log/engine-log'
import type { ProbeCounts } from '../src/main/probe/probe-meter'
import { WriteProbe } from '../src/main/probe/write-probe'
import { benchMembers, killAll, plainDefinition, waitAllHealthy } from './bench-support'

const execFileAsync = promisify(execFile)

/** The probe must have written before the upgrade too, or "failed=0" would mean nothing. */
export const WARM_UP_WRITES = 20
/** Why 100 ms: a cheap look at the probe's totals while it warms up (it writes every 50 ms). */
export const WARM_UP_POLL_MS = 100
/**
 * Why 10 s: a 3.4.23 member ends on SIGTERM within ~0.2 s (a leader hands over leadership
 * first, ~100 ms, ETCD-OPS-FACTS §3.2); a member still running after 10 s is a failed step.
 */
const STOP_TIMEOUT_MS = 10_000
/**
 * Why 30 s: the cluster version moves to the new line a few seconds after the last member
 * (ETCD-OPS-FACTS §3.2: still 3.4.0 2 s after the last restart in one run).
 */
const CLUSTER_VERSION_TIMEOUT_MS = 30_000

/** What the manual rolling upgrade took and what the probe saw. */
export interface ManualUpgradeResult {
  /** From the snapshot until the last member answered /health on the new binary. */
  healthyMs: number
  /**
   * Until /version's etcdcluster showed the new line on every member: the guide's last step, and
   * when the engine's upgrade returns too (the ratio's baseline).
   */
  tookMs: number
  /** The probe's writes from the first SIGTERM until the cluster version moved. */
  probe: ProbeCounts
  /** The last failed write in etcd's words, or null. */
  lastError: string | null
}

/**
 * The documented manual rolling upgrade (etcd's upgrade guide, ETCD-OPS-FACTS §3.2) of a
 * 3-member cluster of plain etcd processes started on `oldEtcd`, with the same flags the engine
 * would use: a snapshot first, then member by member in name order, SIGTERM, wait for the exit,
 * start `newEtcd` with the same flags on the same data dir, poll its /health, next; done when
 * /version shows the new cluster version. The engine's write probe (the same
 * class, rate and rule as the Members tab's) writes through every member not being swapped.
 * `dir` is the caller's scratch folder; every process started here is killed before returning.
 */
export async function manualRollingUpgrade(
  dir: string,
  label: string,
  oldEtcd: string,
  newEtcd: string,
): Promise<ManualUpgradeResult> {
  const members = await benchMembers(3)
  const def = plainDefinition(label, members)
  const argsOf = members.map((m) => memberArgs(def, m, { dataDir: join(dir, m.name) }, '3.4'))
  const urls = def.members.map((m) => `http://${def.host}:${m.clientPort}`)
  const children: ChildProcess[] = argsOf.map((args) => spawnEtcd(oldEtcd, args))
  let probe: WriteProbe | null = null
  /** The member being swapped: left out of the probe, by the engine probe's rule. */
  let swapping: number | null = null
  try {
    await waitAllHealthy(urls)
    probe = new WriteProbe({
      cluster: label,
      // Like the engine's probe (engine/cluster-probes.ts): a member stopped on purpose is left out
      // until healthy again, as a client given every endpoint routes around it.
      endpoints: () =>
        members.flatMap((m, i) =>
          i === swapping ? [] : [{ member: m.name, clientUrl: urls[i]! }],
        ),
      log: silentLog(),
      security: PLAIN_SECURITY,
    })
    const before = await warmUp(probe)
    const started = performance.now()
    // The guide's step 2: a snapshot from a member before touching any (the engine takes one too).
    await execFileAsync(etcdctlOf(oldEtcd), [
      `--endpoints=${urls[0]}`,
      'snapshot',
      'save',
      join(dir, 'backup.db'),
    ])
    for (let i = 0; i < members.length; i++) {
      swapping = i
      await stopGracefully(children[i]!)
      children[i] = spawnEtcd(newEtcd, argsOf[i]!)
      await waitAllHealthy([urls[i]!])
      swapping = null
    }
    const healthyMs = Math.round(performance.now() - started)
    await waitClusterVersion(urls, '3.5.')
    const tookMs = Math.round(performance.now() - started)
    const after = probe.totals()
    return {
      healthyMs,
      tookMs,
      probe: { ok: after.ok - before.ok, failed: after.failed - before.failed },
      lastError: probe.stats().lastError,
    }
  } finally {
    await probe?.stop()
    await killAll(children)
  }
}

/** Waits until the probe made WARM_UP_WRITES attempts; returns its totals then. */
export async function warmUp(probe: { totals(): ProbeCounts }): Promise<ProbeCounts> {
  let totals = probe.totals()
  while (totals.ok + totals.failed < WARM_UP_WRITES) {
    await new Promise((r) => setTimeout(r, WARM_UP_POLL_MS))
    totals = probe.totals()
  }
  return totals
}

/** The etcdctl next to an etcd binary. */
function etcdctlOf(etcd: string): string {
  return join(dirname(etcd), 'etcdctl')
}

function spawnEtcd(binary: string, args: string[]): ChildProcess {
  return spawn(binary, args, { stdio: 'ignore' })
}

/** SIGTERM, as the guide says, and wait for the exit; SIGKILL and fail when it does not come. */
async function stopGracefully(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    throw new Error(`etcd pid ${child.pid} exited before its upgrade`)
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), STOP_TIMEOUT_MS)
  })
  const isLate = await Promise.race([exited.then(() => false), timedOut])
  clearTimeout(timer)
  if (isLate) {
    child.kill('SIGKILL')
    throw new Error(`etcd pid ${child.pid} ignored SIGTERM for ${STOP_TIMEOUT_MS} ms`)
  }
}

/** Polls every member's /version until etcdcluster starts with `prefix` on all of them. */
async function waitClusterVersion(urls: string[], prefix: string): Promise<void> {
  const deadline = Date.now() + CLUSTER_VERSION_TIMEOUT_MS
  const versionOf = async (url: string): Promise<string> => {
    try {
      const res = await fetch(`${url}/version`, { signal: AbortSignal.timeout(1000) })
      return ((await res.json()) as { etcdcluster?: string }).etcdcluster ?? ''
    } catch {
      return '' // not answering yet: asked again at the next poll
    }
  }
  while (Date.now() < deadline) {
    const versions = await Promise.all(urls.map(versionOf))
    if (versions.every((v) => v.startsWith(prefix))) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(
    `the cluster version did not reach ${prefix}x within ${CLUSTER_VERSION_TIMEOUT_MS} ms`,
  )
}
