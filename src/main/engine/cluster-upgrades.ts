import { memberVersionOf } from '../../shared/cluster-rules'
import type { EngineWords } from '../../shared/engine-words/engine-words'
import { isEndOfLife, lineOf } from '../../shared/etcd-lines'
import type { SnapshotInfo } from '../../shared/maintenance'
import type { ReleaseList } from '../../shared/releases'
import type { UpgradeChoices, UpgradeReport, VersionOption } from '../../shared/upgrade'
import { isPrerelease, newestFirst } from '../../shared/version-order'
import { judgeVersionChange } from '../../shared/version-paths'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { runReported, type ReportedContext } from '../cluster/reported-operation'
import type { EtcdBinary } from '../etcd/etcd-binary'
import { EngineError } from '../errors/engine-error'
import { english } from '../words/english'
import type { EngineLog } from '../log/engine-log'
import { say } from '../maintenance/maintenance-words'
import type { ProbeMeter } from '../probe/probe-meter'
import { assertNoTlsSwitch } from '../tls/tls-switch-guards'
import { readAuthEnabled } from '../upgrade/auth-check'
import { runRollingUpgrade } from '../upgrade/rolling-upgrade'
import { resumeUpgrade } from '../upgrade/upgrade-resume'

/** What version changes need of the engine. */
export interface ClusterUpgradesDeps {
  runtime: (cluster: string) => ClusterRuntime
  probes: ProbeMeter
  resolveBinary: (version: string) => Promise<EtcdBinary>
  /** The release list (known versions, what is installed). */
  releases: () => Promise<ReleaseList>
  /** Saves a snapshot of one member inside a running operation. */
  saveSnapshot: (
    runtime: ClusterRuntime,
    member: string,
    ctx: ReportedContext,
  ) => Promise<SnapshotInfo>
  /** Every saved snapshot, newest first (a refused downgrade offers the cluster's newest). */
  snapshots: () => Promise<SnapshotInfo[]>
  log: EngineLog
}

/** The request of a version change. */
export interface UpgradeRequest {
  version: string
  /** Run a refused target through its multi-hop plan. */
  allowHops?: boolean
}

/**
 * Version changes of clusters (upgrade, patch, rollback, downgrade): the choices the dialog
 * offers, each judged by etcd's rules, the rolling change itself as one reported operation
 * (write probe on), and pause / abort between members.
 */
export class ClusterUpgrades {
  /** Stop requests of running changes, by cluster. */
  private readonly stops = new Map<string, 'pause' | 'abort'>()

  constructor(private readonly deps: ClusterUpgradesDeps) {}

  /** Every version the cluster could move to, judged, with its members' versions now. */
  async choices(cluster: string): Promise<UpgradeChoices> {
    const runtime = this.deps.runtime(cluster)
    const memberVersions = this.memberVersions(runtime)
    const authEnabled = runtime.isActive() ? await readAuthEnabled(runtime, runtime.log) : null
    const list = await this.deps.releases()
    const known = knownVersions(list)
    const installed = new Set(list.releases.filter((r) => r.isInstalled).map((r) => r.version))
    const options: VersionOption[] = known.map((version) => ({
      version,
      line: lineOf(version)!,
      isEndOfLife: isEndOfLife(version),
      isInstalled: installed.has(version) || list.system?.version === version,
      verdict: judgeVersionChange({
        memberVersions: memberVersions.map((m) => m.version),
        target: version,
        authEnabled,
        knownVersions: known,
      }),
    }))
    return {
      cluster,
      members: memberVersions,
      clusterVersion: runtime.status()?.clusterVersion ?? null,
      authEnabled,
      pending: runtime.def.pendingUpgrade ?? null,
      options,
    }
  }

  /** Runs a version change to `request.version`, or refuses it with the rule it breaks. */
  async upgrade(cluster: string, request: UpgradeRequest): Promise<UpgradeReport> {
    const runtime = this.deps.runtime(cluster)
    if (!runtime.isActive()) {
      throw new EngineError(
        'CLUSTER_NOT_RUNNING',
        `Cluster ${cluster} is not running; a rolling upgrade changes a running cluster member by member. Start it first.`,
        { cluster },
      )
    }
    assertNoTlsSwitch(runtime, 'changing its etcd version')
    const from = this.memberVersions(runtime).map((m) => m.version)
    const list = await this.deps.releases()
    const authEnabled = await readAuthEnabled(runtime, runtime.log)
    const verdict = judgeVersionChange({
      memberVersions: from,
      target: request.version,
      authEnabled,
      knownVersions: knownVersions(list),
      allowHops: request.allowHops,
    })
    if (!verdict.ok) throw await this.refusal(cluster, request.version, from, verdict.refusal)
    const { plan } = verdict
    const isMove = plan.kind === 'downgrade' || plan.kind === 'rollback'
    const label = say(isMove ? 'label.moveVersion' : 'label.upgrade', {
      cluster,
      version: plan.target,
    })
    let report: UpgradeReport['probe'] = null
    let commands: string[] = []
    this.stops.delete(cluster)
    try {
      const result = await runReported(
        runtime,
        this.deps.probes,
        { kind: 'upgrade', label, policy: 'refuse' },
        (ctx) =>
          runRollingUpgrade(
            runtime,
            plan,
            {
              resolveBinary: this.deps.resolveBinary,
              saveSnapshot: (member, inner) => this.deps.saveSnapshot(runtime, member, inner),
              stopRequested: () => this.stops.get(cluster) ?? null,
              drain: (member) => this.deps.probes.drain(cluster, member),
            },
            ctx,
          ),
        (done) => {
          report = done.probe
          commands = done.commands ?? []
        },
      )
      return { ...result, probe: report, commands }
    } finally {
      this.stops.delete(cluster)
    }
  }

  /**
   * "Pause after this member" / "Abort": a running change stops after the member being swapped;
   * 'abort' also drops a paused one. NO_UPGRADE when there is nothing to stop.
   */
  async stop(cluster: string, mode: 'pause' | 'abort'): Promise<void> {
    const runtime = this.deps.runtime(cluster)
    if (runtime.view().operation?.kind === 'upgrade') {
      this.stops.set(cluster, mode)
      runtime.log.info({ mode }, 'version change will stop after the member being swapped')
      return
    }
    const pending = runtime.def.pendingUpgrade
    if (pending && mode === 'abort') {
      await runtime.saveDefinition({ ...runtime.def, pendingUpgrade: null })
      runtime.log.info('paused version change aborted')
      return
    }
    if (pending && mode === 'pause') return
    throw new EngineError('NO_UPGRADE', `Cluster ${cluster} has no version change to stop.`, {
      cluster,
    })
  }

  /** At start-up: reports (and settles) a change an earlier run left half done; null if none. */
  resumePending(runtime: ClusterRuntime): Promise<EngineWords | null> {
    return resumeUpgrade(runtime)
  }

  private memberVersions(runtime: ClusterRuntime): { member: string; version: string }[] {
    return runtime.def.members.map((m) => ({
      member: m.name,
      version: memberVersionOf(runtime.def, m),
    }))
  }

  private async refusal(
    cluster: string,
    target: string,
    from: string[],
    refusal: {
      code: 'UPGRADE_PATH_UNSAFE' | 'UPGRADE_AUTH_ENABLED' | 'DOWNGRADE_UNSUPPORTED'
      reason: EngineWords
      hops: string[] | null
    },
  ): Promise<EngineError> {
    const message = `etcd Desk will not move cluster ${cluster} to etcd ${target}: ${english(refusal.reason)}`
    this.deps.log.info({ cluster, target, from, code: refusal.code }, 'version change refused')
    switch (refusal.code) {
      case 'UPGRADE_PATH_UNSAFE':
        return new EngineError(refusal.code, message, { cluster, target, from, hops: refusal.hops })
      case 'UPGRADE_AUTH_ENABLED':
        return new EngineError(refusal.code, message, { cluster, target })
      case 'DOWNGRADE_UNSUPPORTED': {
        const snapshot = (await this.deps.snapshots()).find((s) => s.cluster === cluster)
        return new EngineError(refusal.code, message, {
          cluster,
          target,
          snapshotId: snapshot?.id ?? null,
        })
      }
    }
  }
}

/** Stable versions etcd Desk runs, from the release list and the system etcd, newest first. */
function knownVersions(list: ReleaseList): string[] {
  const versions = new Set(
    list.releases.map((r) => r.version).filter((v) => !isPrerelease(v) && lineOf(v) !== null),
  )
  if (list.system && lineOf(list.system.version)) versions.add(list.system.version)
  return [...versions].sort(newestFirst)
}
