import { isLiveState, quorumOf } from '../../shared/cluster-rules'
import { words } from '../../shared/engine-words/engine-words'
import { EngineError, isEngineError } from '../errors/engine-error'
import { assertPortsFree } from '../ports/port-check'
import type { StopReason } from '../process/exit-words'
import type { ClusterStatusPoller } from '../status/cluster-status-poller'
import type { ClusterRuntime, ClusterRuntimeDeps } from './cluster-runtime'
import type { OperationContext } from './cluster-operations'
import type { MemberSlot } from './member-slot'
import { waitForNoActivePeers } from './peer-activity'
import { stopWaves } from './stop-order'

/** True for states in which a process exists (a paused one included). */
export const isLive = isLiveState

/**
 * How a cluster's members are started and stopped: the work inside the runtime's operations.
 * Nothing here is an operation of its own; the runtime decides when each may run.
 */
export class MemberLifecycle {
  constructor(
    private readonly runtime: ClusterRuntime,
    private readonly poller: ClusterStatusPoller,
    private readonly deps: Pick<ClusterRuntimeDeps, 'startTimeoutMs'>,
  ) {}

  /** Starts every member that is not running, all at once, and waits until all are healthy. */
  async startAll(ctx: OperationContext): Promise<void> {
    const { def, slots } = this.runtime
    const toStart = slots.filter((s) => !isLive(s.process.state))
    if (toStart.length === 0) {
      throw new EngineError('CLUSTER_RUNNING', `Cluster ${def.name} is already running.`, {
        cluster: def.name,
      })
    }
    ctx.step(words('engine-steps-cluster:step.resolvingBinary'))
    const { binaryOf, args } = await this.runtime.plan()
    ctx.signal.throwIfAborted()
    ctx.step(words('engine-steps-cluster:step.checkingPorts'))
    await assertPortsFree(
      def,
      toStart.map((s) => s.spec),
    )
    await this.runtime.proxies?.ensureListening()
    ctx.signal.throwIfAborted()
    // All at once: a member only becomes ready once a quorum is up (ETCD-FACTS 5.2).
    for (const slot of toStart) slot.spawn(binaryOf(slot).etcd, args(slot))
    this.afterSpawn()
    const deadline = Date.now() + this.deps.startTimeoutMs
    let ready = 0
    const total = toStart.length
    ctx.step(words('engine-steps-cluster:step.waitingForMembersHealthy', { total }))
    const results = await Promise.allSettled(
      toStart.map(async (s) => {
        await s.process.waitReady(deadline, true, ctx.signal)
        ctx.step(words('engine-steps-cluster:step.membersHealthy', { ready: ++ready, total }))
      }),
    )
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
    // A cancelled start fails even when its members became ready meanwhile: what cancelled it
    // (a stop, a delete, quitting) runs next and expects nothing of it to keep running.
    if (failure || ctx.signal.aborted) {
      ctx.step(words('engine-steps-cluster:step.stoppingMembersAgain'))
      await this.stopSlots(
        toStart.filter((s) => isLive(s.process.state)),
        'startFailed',
      )
      throw ctx.signal.aborted ? (ctx.signal.reason as Error) : (failure!.reason as Error)
    }
    this.pollSoon()
  }

  /** Stops all live members: followers together first, then the leader. */
  async stopAll(ctx: OperationContext): Promise<void> {
    const live = this.runtime.slots.filter((s) => isLive(s.process.state))
    if (live.length === 0) return
    ctx.step(
      words('engine-steps-cluster:step.stoppingMembersFollowersFirst', { total: live.length }),
    )
    await this.stopSlots(live, 'stopped')
  }

  /** Stops whatever is still live (closing or deleting a cluster). */
  async stopLive(reason: StopReason): Promise<void> {
    const live = this.runtime.slots.filter((s) => isLive(s.process.state))
    if (live.length > 0) await this.stopSlots(live, reason)
  }

  /** Starts one member and waits until it is healthy (or, without a quorum, answers). */
  async launch(slot: MemberSlot, ctx: OperationContext): Promise<void> {
    const { def, slots } = this.runtime
    const name = slot.spec.name
    if (isLive(slot.process.state)) {
      throw new EngineError(
        'MEMBER_RUNNING',
        `Member ${name} of cluster ${def.name} is already ${slot.process.state}.`,
        { cluster: def.name, member: name },
      )
    }
    ctx.step(words('engine-steps-cluster:step.resolvingBinary'))
    const { binaryOf, args } = await this.runtime.plan()
    ctx.signal.throwIfAborted()
    ctx.step(words('engine-steps-cluster:step.checkingPortsOf', { member: name }))
    await assertPortsFree(def, [slot.spec])
    await this.runtime.proxies?.ensureListening()
    ctx.signal.throwIfAborted()
    slot.spawn(binaryOf(slot).etcd, args(slot))
    this.afterSpawn()
    const liveAfter = slots.filter((s) => isLive(s.process.state)).length
    const canBeHealthy = liveAfter >= quorumOf(slots.length)
    // Without a quorum it cannot become healthy: it only answers.
    const until = canBeHealthy ? 'Healthy' : 'Answer'
    ctx.step(words(`engine-steps-cluster:step.waitingFor${until}`, { member: name }))
    try {
      await slot.process.waitReady(Date.now() + this.deps.startTimeoutMs, canBeHealthy, ctx.signal)
    } catch (error) {
      if (isLive(slot.process.state)) await slot.stop('startCancelled')
      await this.afterStop()
      throw error
    }
    this.pollSoon()
  }

  /**
   * The automatic restart of a crashed member, as a queued operation. Cancelled by stop, delete
   * or quit (then the member stays crashed); a failure is shown on the member and logged.
   */
  async autoRestart(slot: MemberSlot): Promise<void> {
    const name = slot.spec.name
    const log = this.runtime.log
    try {
      await this.runtime.runOperation(
        {
          kind: 'auto-restart',
          label: words('engine-steps-cluster:label.autoRestart', { member: name }),
          policy: 'queue',
          isCancellable: true,
          member: name,
        },
        async (ctx) => {
          // The user (or a stop) took over since the crash: nothing to do.
          if (!this.runtime.acceptsRestarts() || slot.process.state !== 'crashed') return
          slot.countRestart()
          log.info({ member: name, restarts: slot.restarts }, 'restarting crashed member')
          await this.launch(slot, ctx)
        },
      )
    } catch (error) {
      if (isEngineError(error) && ['OPERATION_CANCELLED', 'ENGINE_CLOSED'].includes(error.code)) {
        log.info({ member: name, reason: error.message }, 'automatic restart cancelled')
        return
      }
      log.warn({ member: name, err: error }, 'automatic restart failed')
      // A member that crashed again while starting is handled by its own crash (crash-loop limit).
      if (isEngineError(error) && error.code === 'MEMBER_CRASHED') return
      await slot.restartFailed(error)
    }
  }

  /** Refuses an action on a member without a process. */
  assertLive(slot: MemberSlot): void {
    if (isLive(slot.process.state)) return
    const cluster = this.runtime.def.name
    throw new EngineError(
      'MEMBER_NOT_RUNNING',
      `Member ${slot.spec.name} of cluster ${cluster} is not running.`,
      { cluster, member: slot.spec.name },
    )
  }

  /** After a spawn or an adoption: record the pids, and poll status while anything runs. */
  afterSpawn(): void {
    void this.runtime.saveRunRecord()
    this.poller.start()
  }

  /** After a member stopped: record it, and stop polling once nothing runs. */
  async afterStop(): Promise<void> {
    await this.runtime.saveRunRecord()
    if (!this.runtime.isActive()) await this.poller.stop()
    else this.pollSoon()
  }

  /** Polls status now; a failed poll is logged (the next timed poll tries again). */
  async pollQuietly(): Promise<void> {
    try {
      await this.poller.pollNow()
    } catch (error) {
      this.runtime.log.warn({ err: error }, 'status poll failed')
    }
  }

  /** Fresh status for the window, without holding up the caller. */
  private pollSoon(): void {
    void this.pollQuietly()
  }

  private async stopSlots(slots: MemberSlot[], reason: StopReason): Promise<void> {
    const leader = slots.length > 1 ? await this.runtime.leaderName() : null
    // Stopping them all: polling stops first, so no /health read is in flight at a member when
    // it exits (etcd 3.5 made the leader wait ~1.5 s for one, measured here).
    const isStoppingAll = this.runtime.slots.every(
      (s) => slots.includes(s) || !isLive(s.process.state),
    )
    if (isStoppingAll) await this.poller.stop()
    const waves = stopWaves(slots, (s) => s.spec.name, leader)
    for (const [i, wave] of waves.entries()) {
      const isLastMember =
        i > 0 &&
        wave.length === 1 &&
        !this.runtime.slots.some((s) => s !== wave[0] && isLive(s.process.state))
      if (isLastMember) await waitForNoActivePeers(wave[0]!.view().clientUrl)
      await Promise.all(wave.map((s) => s.stop(reason)))
    }
    await this.afterStop()
  }
}
