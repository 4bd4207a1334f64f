import type { ClusterOperationKind, OperationReport } from '../../shared/cluster'
import { words, type EngineWords } from '../../shared/engine-words/engine-words'
import { EngineError } from '../errors/engine-error'
import type { EngineLog } from '../log/engine-log'
import type { ClusterOperations, OperationContext, OperationRequest } from './cluster-operations'
import { isLive, type MemberLifecycle } from './member-lifecycle'
import type { MemberSlot } from './member-slot'
import { instantReport } from './reported-operation'
import type { RestartTimers } from './restart-timers'

/** What a member action needs of its cluster runtime. */
export interface MemberActionsDeps {
  cluster: string
  slots: readonly MemberSlot[]
  operations: ClusterOperations
  lifecycle: MemberLifecycle
  restartTimers: RestartTimers
  log: EngineLog
  /** Keeps how an action went, shown with the cluster (its shell twin included). */
  report: (report: OperationReport) => void
}

type MemberActionKind = Extract<ClusterOperationKind, `member-${string}`>

/**
 * What the user does to one member (start, stop, restart, kill), each an operation of its
 * cluster that is refused with CLUSTER_BUSY while another runs, except the engine's automatic
 * restart, which it cancels (as it cancels a restart still waiting for its timer).
 */
export class MemberActions {
  constructor(private readonly deps: MemberActionsDeps) {}

  /** Starts one member; waits for health when a quorum will be up, else only for its client port. */
  start(name: string): Promise<void> {
    const slot = this.slot(name)
    return this.run(slot, 'member-start', label('memberStart', name), (ctx) =>
      this.deps.lifecycle.launch(slot, ctx),
    )
  }

  /** Stops one member gracefully. */
  stop(name: string): Promise<void> {
    const slot = this.slot(name)
    return this.run(slot, 'member-stop', label('memberStop', name), async (ctx) => {
      // Stopping a crashed member while the engine was restarting it: the restart is cancelled,
      // which is all "stop" has to do.
      if (ctx.didOverride && !isLive(slot.process.state)) return
      this.deps.lifecycle.assertLive(slot)
      ctx.step(words('engine-steps-cluster:step.waitingForExit', { member: name }))
      await slot.stop('stopped')
      await this.deps.lifecycle.afterStop()
    })
  }

  /** Stops (if running) and starts one member again. */
  restart(name: string): Promise<void> {
    const slot = this.slot(name)
    return this.run(slot, 'member-restart', label('memberRestart', name), async (ctx) => {
      if (isLive(slot.process.state)) {
        ctx.step(words('engine-steps-cluster:step.stoppingMember', { member: name }))
        await slot.stop('restarted')
      }
      await this.deps.lifecycle.launch(slot, ctx)
    })
  }

  /** SIGKILLs one member on purpose, e.g. to watch the others elect a new leader. */
  kill(name: string): Promise<void> {
    const slot = this.slot(name)
    return this.run(slot, 'member-kill', label('memberKill', name), async (ctx) => {
      if (ctx.didOverride && !isLive(slot.process.state)) return
      this.deps.lifecycle.assertLive(slot)
      await slot.process.kill()
      await this.deps.lifecycle.afterStop()
    })
  }

  /** Pauses a running member (SIGSTOP) to watch what a hung member does to the cluster. */
  pause(name: string): Promise<void> {
    const slot = this.slot(name)
    return this.run(slot, 'member-pause', label('memberPause', name), () => {
      if (slot.process.state !== 'running') throw this.notRunning(name)
      const pid = slot.process.pid
      slot.process.pause()
      this.deps.log.info({ member: name, pid }, 'member paused (SIGSTOP)')
      this.deps.report(
        instantReport(
          'member-pause',
          label('memberPause', name),
          words('engine-steps-cluster:note.sentSigstop', { member: name, pid: String(pid) }),
          `kill -STOP ${pid}`,
        ),
      )
      return Promise.resolve()
    })
  }

  /** Resumes a paused member (SIGCONT). */
  resume(name: string): Promise<void> {
    const slot = this.slot(name)
    return this.run(slot, 'member-resume', label('memberResume', name), () => {
      if (slot.process.state !== 'paused') {
        const cluster = this.deps.cluster
        throw new EngineError(
          'MEMBER_RUNNING',
          `Member ${name} of cluster ${cluster} is not paused.`,
          {
            cluster,
            member: name,
          },
        )
      }
      const pid = slot.process.pid
      slot.process.resume()
      this.deps.log.info({ member: name, pid }, 'member resumed (SIGCONT)')
      this.deps.report(
        instantReport(
          'member-resume',
          label('memberResume', name),
          words('engine-steps-cluster:note.sentSigcont', { member: name, pid: String(pid) }),
          `kill -CONT ${pid}`,
        ),
      )
      return Promise.resolve()
    })
  }

  /** The member named `name`, or MEMBER_NOT_FOUND. */
  slot(name: string): MemberSlot {
    const slot = this.deps.slots.find((s) => s.spec.name === name)
    if (slot) return slot
    const cluster = this.deps.cluster
    throw new EngineError('MEMBER_NOT_FOUND', `Cluster ${cluster} has no member named ${name}.`, {
      cluster,
      member: name,
    })
  }

  private notRunning(name: string): EngineError {
    const cluster = this.deps.cluster
    return new EngineError(
      'MEMBER_NOT_RUNNING',
      `Member ${name} of cluster ${cluster} is not running.`,
      { cluster, member: name },
    )
  }

  private run(
    slot: MemberSlot,
    kind: MemberActionKind,
    label: EngineWords,
    work: (ctx: OperationContext) => Promise<void>,
  ): Promise<void> {
    const isCancellable = kind === 'member-start' || kind === 'member-restart'
    const member = slot.spec.name
    const request: OperationRequest = {
      kind,
      label,
      policy: 'refuse',
      isCancellable,
      overrides: ['auto-restart'],
      member,
    }
    return this.deps.operations.run(request, (ctx) => {
      // The user acts on this member now: a restart the engine had pending is void.
      const hadTimer = this.deps.restartTimers.cancel(member)
      if (hadTimer) this.deps.log.info({ member, by: kind }, 'pending automatic restart cancelled')
      return work({ ...ctx, didOverride: ctx.didOverride || hadTimer })
    })
  }
}

/** The label of a user's action on one member ("Starting member etcd2"). */
function label(
  action:
    'memberStart' | 'memberStop' | 'memberRestart' | 'memberKill' | 'memberPause' | 'memberResume',
  member: string,
): EngineWords {
  return words(`engine-steps-cluster:label.${action}`, { member })
}
