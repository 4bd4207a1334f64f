import type { MemberState } from '../../shared/cluster'
import type { ProbeStats } from '../../shared/probe'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { clientUrlOf } from '../cluster/etcd-flags'
import { EngineError } from '../errors/engine-error'
import type { EngineLog } from '../log/engine-log'
import type { ProbeEndpoint } from '../probe/probe-attempt'
import type { MeterOptions, ProbeCounts, ProbeMeter, ProbeWindow } from '../probe/probe-meter'
import { WriteProbe, type ProbeResources } from '../probe/write-probe'

/** Why 1 s: the window's figures move once a second, like the status grid; no more is readable. */
const PUSH_INTERVAL_MS = 1_000
/**
 * Why 2 s: an operation waits for the probe's first attempt (connection and lease in place) so it
 * measures the operation, not the probe's start; a healthy member answers well within it, and a
 * sick cluster's operation must not wait long for a meter.
 */
const PROBE_WARM_UP_MS = 2_000

/** What the probes need from the engine. */
export interface ClusterProbesDeps {
  runtimeOf: (cluster: string) => ClusterRuntime
  /** Sends a probe's figures to every window. */
  push: (stats: ProbeStats) => void
  log: EngineLog
}

/** One running probe and what it is owned by. */
interface ProbeEntry {
  probe: WriteProbe
  runtime: ClusterRuntime
  pushTimer: NodeJS.Timeout
  onChanged: () => void
  /** Started (or kept) by the user: an operation's measurement does not stop it at its end. */
  isByUser: boolean
  /** Measurements (ProbeWindows) still open on it. */
  windows: number
}

/**
 * The write probes of all clusters, at most one per cluster. Each pushes its figures every
 * PUSH_INTERVAL_MS while it runs and once more when it stops. A probe stops by itself when its
 * cluster has no live member any more: it listens to its runtime's 'changed' event (sent at every
 * member state change), which ends it at once rather than at the next push. Also the ProbeMeter
 * of long operations: begin() starts the probe if it is off and end() stops it again.
 */
export class ClusterProbes implements ProbeMeter {
  private readonly entries = new Map<string, ProbeEntry>()
  private readonly stopping = new Map<string, Promise<ProbeStats>>()
  private readonly last = new Map<string, ProbeStats>()
  /** Members taken out of each cluster's probe on purpose (about to be stopped), by cluster. */
  private readonly drained = new Map<string, Set<string>>()
  private isClosed = false

  constructor(private readonly deps: ClusterProbesDeps) {}

  /** Starts the cluster's probe (or keeps the running one); CLUSTER_NOT_RUNNING when stopped. */
  async start(cluster: string): Promise<ProbeStats> {
    await this.stopping.get(cluster)
    return this.open(cluster, true).stats()
  }

  /** Stops the cluster's probe (revoking its lease) and returns its final figures. */
  stop(cluster: string): Promise<ProbeStats> {
    const entry = this.entries.get(cluster)
    if (!entry) {
      return this.stopping.get(cluster) ?? Promise.resolve().then(() => this.stats(cluster))
    }
    this.entries.delete(cluster)
    clearInterval(entry.pushTimer)
    entry.runtime.off('changed', entry.onChanged)
    const stopped = entry.probe
      .stop()
      .then(() => {
        const final = entry.probe.stats()
        this.last.set(cluster, final)
        this.deps.push(final)
        return final
      })
      .finally(() => this.stopping.delete(cluster))
    this.stopping.set(cluster, stopped)
    return stopped
  }

  /** The cluster's figures now: the running probe's, else those it stopped with, else zeros. */
  stats(cluster: string): ProbeStats {
    const entry = this.entries.get(cluster)
    if (entry) return entry.probe.stats()
    this.deps.runtimeOf(cluster) // CLUSTER_NOT_FOUND for a cluster that does not exist
    return this.last.get(cluster) ?? idleStats(cluster)
  }

  /** What the cluster's running probe holds open (null when none runs); for tests. */
  resources(cluster: string): ProbeResources | null {
    return this.entries.get(cluster)?.probe.resources() ?? null
  }

  /** Starts measuring for an operation; never fails (no probe: end() gives null). */
  async begin(cluster: string, options: MeterOptions = {}): Promise<ProbeWindow> {
    let entry: ProbeEntry
    if (options.onlyIfRunning && !this.entries.has(cluster)) {
      return { end: () => Promise.resolve(null) }
    }
    try {
      await this.stopping.get(cluster)
      this.open(cluster, false)
      entry = this.entries.get(cluster) as ProbeEntry
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      this.deps.log.info({ cluster, reason }, 'no write probe during this operation')
      return { end: () => Promise.resolve(null) }
    }
    entry.windows++
    await entry.probe.warmUp(PROBE_WARM_UP_MS)
    const before = entry.probe.totals()
    let counts: Promise<ProbeCounts> | null = null
    return {
      end: () => (counts ??= this.endWindow(cluster, entry, before)),
    }
  }

  /** Takes a member out of the cluster's probe until the returned function puts it back. */
  async drain(cluster: string, member: string): Promise<() => void> {
    const drained = this.drained.get(cluster) ?? new Set<string>()
    this.drained.set(cluster, drained)
    drained.add(member)
    const entry = this.entries.get(cluster)
    if (entry) {
      const runtime = entry.runtime
      const url = runtime.def.members.find((m) => m.name === member)
      if (url) await entry.probe.settled(clientUrlOf(runtime.def, url))
    }
    return () => {
      drained.delete(member)
      if (drained.size === 0) this.drained.delete(cluster)
    }
  }

  /** Stops the probe of a cluster being deleted and forgets its figures. */
  async forget(cluster: string): Promise<void> {
    if (this.entries.has(cluster)) await this.stop(cluster)
    await this.stopping.get(cluster)
    this.last.delete(cluster)
  }

  /** Stops every probe (engine close); later starts are refused. */
  async closeAll(): Promise<void> {
    this.isClosed = true
    await Promise.all([...this.entries.keys()].map((c) => this.stop(c)))
    await Promise.all(this.stopping.values())
  }

  private async endWindow(
    cluster: string,
    entry: ProbeEntry,
    before: ProbeCounts,
  ): Promise<ProbeCounts> {
    entry.windows--
    const after = entry.probe.totals()
    const isSameProbe = this.entries.get(cluster) === entry
    if (isSameProbe && entry.windows === 0 && !entry.isByUser) await this.stop(cluster)
    return { ok: after.ok - before.ok, failed: after.failed - before.failed }
  }

  private open(cluster: string, isByUser: boolean): WriteProbe {
    if (this.isClosed) throw new EngineError('ENGINE_CLOSED', 'etcd Desk is shutting down.')
    const existing = this.entries.get(cluster)
    if (existing) {
      existing.isByUser ||= isByUser
      return existing.probe
    }
    const runtime = this.deps.runtimeOf(cluster)
    if (!runtime.isActive()) {
      throw new EngineError(
        'CLUSTER_NOT_RUNNING',
        `Cluster ${cluster} is not running; start it to run the write probe.`,
        { cluster },
      )
    }
    const probe = new WriteProbe({
      cluster,
      endpoints: () => votingEndpoints(runtime, this.drained.get(cluster)),
      // A getter: authentication turned on or off while the probe runs reaches its clients.
      security: () => runtime.security,
      log: this.deps.log.child({ cluster }),
    })
    const onChanged = (): void => {
      if (runtime.isActive()) return
      this.deps.log.info({ cluster }, 'the cluster has no live member; its write probe stops')
      this.stop(cluster).catch((error: unknown) =>
        this.deps.log.error({ cluster, err: error }, 'stopping the write probe failed'),
      )
    }
    runtime.on('changed', onChanged)
    const pushTimer = setInterval(() => this.deps.push(probe.stats()), PUSH_INTERVAL_MS)
    this.entries.set(cluster, { probe, runtime, pushTimer, onChanged, isByUser, windows: 0 })
    this.deps.push(probe.stats())
    return probe
  }
}

/** States of a member the engine took out of service on purpose (stopped, or on its way in or out). */
const OUT_OF_SERVICE: ReadonlySet<MemberState> = new Set(['stopped', 'stopping', 'starting'])

/**
 * The client endpoints of the cluster's voting members: learners refuse linearizable requests.
 * A member counts as a learner when its definition or the last polled member list says so.
 * Members stopped on purpose (a rolling upgrade swaps one at a time) are left out, as a client
 * with every endpoint routes around them; a crashed or paused member stays in, and its failures
 * show what a client pinned to it would see.
 */
function votingEndpoints(
  runtime: ClusterRuntime,
  drained: ReadonlySet<string> = new Set(),
): ProbeEndpoint[] {
  const listed = runtime.status()?.memberList ?? []
  const learners = new Set(listed.filter((m) => m.isLearner).map((m) => m.name))
  const outOfService = new Set(
    runtime.slots.filter((s) => OUT_OF_SERVICE.has(s.process.state)).map((s) => s.spec.name),
  )
  for (const member of drained) outOfService.add(member)
  return runtime.def.members
    .filter((m) => !m.isLearner && !learners.has(m.name) && !outOfService.has(m.name))
    .map((m) => ({ member: m.name, clientUrl: clientUrlOf(runtime.def, m) }))
}

function idleStats(cluster: string): ProbeStats {
  return {
    cluster,
    isRunning: false,
    at: new Date().toISOString(),
    ok: 0,
    failed: 0,
    p50Ms: null,
    p99Ms: null,
    totals: { ok: 0, failed: 0 },
    lastError: null,
  }
}
