import { shellCommand } from '../../shared/shell-words'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import type { ReportedContext } from '../cluster/reported-operation'
import { etcdctlTwin } from '../membership/etcdctl-twin'
import { waitCaughtUp } from '../upgrade/catch-up'

/** Takes a member out of the write probe until the returned function puts it back. */
export type Drain = (member: string) => Promise<() => void>

/**
 * Stops one member on purpose for a rolling change (SIGTERM, its kill twin shown). The write
 * probe routes around it first, as a load balancer drains a member, and keeps routing around it
 * until the caller calls the returned function — once the member is back and caught up, since a
 * member still replaying the log answers a write only when it has applied it.
 */
export async function stopDrained(
  runtime: ClusterRuntime,
  member: string,
  drain: Drain,
  ctx: ReportedContext,
  /** Runs once the member is drained, just before it stops ("Enable TLS": its member update). */
  beforeStop?: () => Promise<void>,
): Promise<() => void> {
  const slot = runtime.members.slot(member)
  const undrain = await drain(member)
  try {
    await beforeStop?.()
    if (slot.process.pid !== null) ctx.twin(`kill -TERM ${slot.process.pid}`)
    await slot.stop('rollingChange')
    await runtime.lifecycle.afterStop()
  } catch (error) {
    undrain()
    throw error
  }
  return undrain
}

/**
 * Starts a member with the flags its definition gives now (its etcd command line shown) and waits
 * until it is healthy and has applied everything the leader had committed when it came back.
 */
export async function startAndCatchUp(
  runtime: ClusterRuntime,
  member: string,
  ctx: ReportedContext,
): Promise<void> {
  const slot = runtime.members.slot(member)
  const { binaryOf, args } = await runtime.plan()
  ctx.twin(shellCommand(binaryOf(slot).etcd, args(slot)))
  await runtime.lifecycle.launch(slot, ctx)
  await waitCaughtUp(runtime, member, ctx)
  ctx.twin(await etcdctlTwin(runtime, slot.view().clientUrl, ['endpoint', 'status', '-w', 'table']))
}
