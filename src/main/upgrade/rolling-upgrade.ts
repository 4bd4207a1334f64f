import type { SnapshotInfo } from '../../shared/maintenance'
import { memberVersionOf } from '../../shared/cluster-rules'
import { lineOf } from '../../shared/etcd-lines'
import type {
  MemberSwapReport,
  PendingUpgrade,
  UpgradeReport,
  VersionChangePlan,
} from '../../shared/upgrade'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import type { ReportedContext } from '../cluster/reported-operation'
import type { EtcdBinary } from '../etcd/etcd-binary'
import { readClusterFacts } from '../membership/cluster-facts'
import { say } from '../maintenance/maintenance-words'
import { etcdctlTwin } from '../membership/etcdctl-twin'
import { handOver, nextInRollingOrder } from '../rolling/rolling-order'
import { runDowngradeSteps } from './downgrade-calls'
import { swapMember } from './member-swap'
import { saveClusterVersion, versionSetting } from './member-versions'
import { assertReadyForUpgrade } from './upgrade-preflight'

/** Why 20 s: the leader moves the cluster version within a few seconds of the last member (measured: once still 3.4.0 after 2 s). */
const CLUSTER_VERSION_WAIT_MS = 20_000
/** Why 250 ms: a status poll of a small cluster takes milliseconds. */
const CLUSTER_VERSION_POLL_MS = 250

/** What a rolling version change needs of the engine. */
export interface RollingUpgradeDeps {
  /** Installs a version that is not yet (the download, with progress, as create does). */
  resolveBinary: (version: string) => Promise<EtcdBinary>
  /** Saves a snapshot of one member into the snapshots folder (kept, restorable). */
  saveSnapshot: (member: string, ctx: ReportedContext) => Promise<SnapshotInfo>
  /** Takes a member out of the write probe before it is stopped on purpose. */
  drain: (member: string) => Promise<() => void>
  /** 'pause' or 'abort' when the user asked to stop after the member being swapped. */
  stopRequested: () => 'pause' | 'abort' | null
}

/** The rolling change's result, before the probe's counts and the commands are added. */
type ChangeResult = Omit<UpgradeReport, 'probe' | 'commands'>

/**
 * Runs a judged version change on a running cluster, the way etcd's upgrade guide does it:
 * healthy members and no alarms first, a snapshot of the leader kept, then per hop one member at
 * a time — learners and followers first, the leader last after moving leadership to a member
 * already done — each stopped, started on the new binary with its data dir and the new line's
 * flags, and waited for until healthy and caught up. Saved as the cluster's pending upgrade as
 * it goes; "pause" and "abort" stop it between members, leaving a healthy mixed cluster.
 */
export async function runRollingUpgrade(
  runtime: ClusterRuntime,
  plan: VersionChangePlan,
  deps: RollingUpgradeDeps,
  ctx: ReportedContext,
): Promise<ChangeResult> {
  const cluster = runtime.def.name
  await assertReadyForUpgrade(runtime, ctx)
  for (const version of plan.hops) {
    ctx.step(say('step.gettingEtcd', { version }))
    await deps.resolveBinary(versionSetting(runtime.def, version))
  }
  const resumed = runtime.def.pendingUpgrade
  const snapshotId = resumed?.snapshotId ?? (await snapshotOfLeader(runtime, deps, ctx))
  await savePending(runtime, {
    plan,
    startedAt: resumed?.startedAt ?? new Date().toISOString(),
    snapshotId,
    member: null,
    paused: false,
  })
  const members: MemberSwapReport[] = []
  const result = (
    outcome: ChangeResult['outcome'],
    clusterVersion: string | null,
  ): ChangeResult => ({
    cluster,
    plan,
    snapshotId,
    members,
    outcome,
    clusterVersion,
  })
  try {
    for (const hop of plan.hops) {
      if (plan.downgrade === 'downgrade-api') {
        await runDowngradeSteps(runtime, lineOf(hop)!, ['validate', 'enable'], ctx)
      }
      for (;;) {
        const next = await nextMember(runtime, hop)
        if (!next) break
        const stop = members.length > 0 ? deps.stopRequested() : null
        if (stop)
          return result(
            await stopBetween(runtime, plan, stop, ctx),
            runtime.status()?.clusterVersion ?? null,
          )
        if (next.isLeader) await handOverFrom(runtime, next.name, hop, ctx)
        await savePending(runtime, { ...runtime.def.pendingUpgrade!, member: next.name })
        members.push(
          await swapMember(
            runtime,
            {
              member: next.name,
              to: hop,
              nextClusterVersionCompatible:
                plan.downgrade === 'next-cluster-version-compatible' && lineOf(hop) === '3.4',
              drain: deps.drain,
            },
            ctx,
          ),
        )
        await savePending(runtime, { ...runtime.def.pendingUpgrade!, member: null })
      }
    }
  } catch (error) {
    // A failed change leaves a mixed cluster the user can continue or roll back from the dialog.
    await savePending(runtime, null)
    throw error
  }
  await saveClusterVersion(runtime, plan.target)
  await savePending(runtime, null)
  const clusterVersion = await waitForClusterVersion(runtime, plan.target, ctx)
  return result('done', clusterVersion)
}

/** The next member not yet on `version`: learners and followers first, the leader last. */
function nextMember(runtime: ClusterRuntime, version: string) {
  const todo = runtime.def.members.filter((m) => memberVersionOf(runtime.def, m) !== version)
  return nextInRollingOrder(
    runtime,
    todo.map((m) => m.name),
  )
}

/** Moves leadership off a leader about to be swapped: to a voter already on `version` if any. */
function handOverFrom(
  runtime: ClusterRuntime,
  leader: string,
  version: string,
  ctx: ReportedContext,
): Promise<void> {
  return handOver(
    runtime,
    leader,
    (member) => {
      const def = runtime.def.members.find((d) => d.name === member)
      return def !== undefined && memberVersionOf(runtime.def, def) === version
    },
    ctx,
  )
}

async function snapshotOfLeader(
  runtime: ClusterRuntime,
  deps: RollingUpgradeDeps,
  ctx: ReportedContext,
): Promise<string> {
  const { leader } = await readClusterFacts(runtime)
  const from = leader ?? runtime.def.members[0]!.name
  ctx.step(say('step.snapshotFirst', { member: from }))
  const snapshot = await deps.saveSnapshot(from, ctx)
  const url = runtime.members.slot(from).view().clientUrl
  ctx.twin(await etcdctlTwin(runtime, url, ['snapshot', 'save', snapshot.file]))
  ctx.note(say('note.snapshotKept', { snapshot: snapshot.id, member: from }))
  return snapshot.id
}

/** Stops between members: 'pause' keeps the plan to continue, 'abort' drops it. */
async function stopBetween(
  runtime: ClusterRuntime,
  plan: VersionChangePlan,
  mode: 'pause' | 'abort',
  ctx: ReportedContext,
): Promise<'paused' | 'aborted'> {
  const pending = runtime.def.pendingUpgrade
  if (mode === 'pause' && pending) {
    await savePending(runtime, { ...pending, member: null, paused: true })
    ctx.note(say('note.paused'))
    return 'paused'
  }
  await savePending(runtime, null)
  // An enabled 3.6/3.7 downgrade is called off, as etcd's guide says (members keep their binaries).
  if (plan.downgrade === 'downgrade-api') {
    await runDowngradeSteps(runtime, lineOf(plan.target)!, ['cancel'], ctx)
  }
  ctx.note(say('note.aborted'))
  return 'aborted'
}

function savePending(runtime: ClusterRuntime, pending: PendingUpgrade | null): Promise<void> {
  return runtime.saveDefinition({ ...runtime.def, pendingUpgrade: pending })
}

/** Waits until `/version` says the cluster runs at the target's line; answers what it says then. */
async function waitForClusterVersion(
  runtime: ClusterRuntime,
  target: string,
  ctx: ReportedContext,
): Promise<string | null> {
  ctx.step(say('step.waitingClusterVersion', { line: lineOf(target) ?? target }))
  const url = runtime.slots[0]?.view().clientUrl
  if (url) ctx.twin(`curl -s ${url}/version`)
  const deadline = Date.now() + CLUSTER_VERSION_WAIT_MS
  for (;;) {
    ctx.signal.throwIfAborted()
    await runtime.lifecycle.pollQuietly()
    const version = runtime.status()?.clusterVersion ?? null
    if ((version && lineOf(version) === lineOf(target)) || Date.now() > deadline) {
      ctx.note(
        version ? say('note.clusterVersion', { version }) : say('note.clusterVersionUnknown'),
      )
      return version
    }
    await new Promise((resolve) => setTimeout(resolve, CLUSTER_VERSION_POLL_MS))
  }
}
