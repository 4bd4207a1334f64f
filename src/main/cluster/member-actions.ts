import type { ClusterOperationKind } from '../../shared/cluster'
import { EngineError } from '../errors/engine-error'
import type { EngineLog } from '../log/engine-log'
import type { ClusterOperations, OperationContext, OperationRequest } from './cluster-operations'
import { isLive, type MemberLifecycle } from './member-lifecycle'
import type { MemberSlot } from './member-slot'
import type { RestartTimers } from './restart-timers'

/** What a member action needs of its cluster runtime. */
export interface MemberActionsDeps {
  cluster: string
  slots: readonly MemberSlot[]
  operations: ClusterOperations
  lifecycle: MemberLifecycle
  restartTimers: RestartTimers
  log: EngineLog
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
    return this.run(slot, 'member-start', `Starting member ${name}`, (ctx) =>
      this.deps.lifecycle.launch(slot, ctx),
    )
  }

  /** Stops one member gracefully. */
  stop(name: string): Promise<void> {
    const slot = this.slot(name)
    return this.run(slot, 'member-stop', `Stopping member ${name}`, async (ctx) => {
      // Stopping a crashed member while the engine was restarting it: the restart is cancelled,
      // which is all "stop" has to do.
      if (ctx.didOverride && !isLive(slot.process.state)) return
      this.deps.lifecycle.assertLive(slot)
      ctx.step(`waiting for ${name} to exit`)
      await slot.stop('stopped')
      await this.deps.lifecycle.afterStop()
    })
  }

  /** Stops (if running) and starts one member again. */
  restart(name: string): Promise<void> {
    const slot = this.slot(name)
    return this.run(slot, 'member-restart', `Restarting member ${name}`, async (ctx) => {
      if (isLive(slot.process.state)) {
        ctx.step(`stopping ${name}`)
        await slot.stop('restarted')
      }
      await this.deps.lifecycle.launch(slot, ctx)
    })
  }

  /** SIGKILLs one member on purpose, e.g. to watch the others elect a new leader. */
  kill(name: string): Promise<void> {
    const slot = this.slot(name)
    return this.run(slot, 'member-kill', `Killing member ${name}`, async (ctx) => {
      if (ctx.didOverride && !isLive(slot.process.state)) return
      this.deps.lifecycle.assertLive(slot)
      await slot.process.kill()
      await this.deps.lifecycle.afterStop()
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

  private run(
    slot: MemberSlot,
    kind: MemberActionKind,
    label: string,
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
