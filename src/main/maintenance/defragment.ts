import { formatBytes } from '../../shared/bytes'
import type { DefragStep } from '../../shared/maintenance'
import { defragOrder } from '../../shared/maintenance-commands'
import type { MaintenanceContext } from './maintenance-operation'
import { say } from './maintenance-words'
import {
  call,
  leaderOf,
  readMemberStatus,
  readStatuses,
  withMemberClients,
  type MemberHandle,
} from './member-clients'
import type { MaintenanceTarget } from './maintenance-target'

/**
 * Why 5 min: defragmenting rewrites the member's whole backend (seconds for a few hundred MB on
 * a local disk); the member blocks its own reads and writes meanwhile, so waiting longer than
 * this means something is wrong, not slow.
 */
const DEFRAG_DEADLINE_MS = 5 * 60_000

/**
 * Defragments every running member, one at a time: followers first, the leader last
 * (ETCD-OPS-FACTS §5.2). Defragmenting a member blocks its reads and writes, and the leader's
 * blocks every write of the cluster, so leadership is first moved to a follower already
 * defragmented (Maintenance.MoveLeader on the leader's own client); if that fails, the leader
 * is defragmented in place and the report says so.
 */
export function defragmentMembers(
  runtime: MaintenanceTarget,
  ctx: MaintenanceContext,
): Promise<DefragStep[]> {
  const cluster = runtime.def.name
  return withMemberClients(runtime, async (members) => {
    const statuses = await readStatuses(members)
    const leader = leaderOf(cluster, statuses)
    for (const m of runtime.def.members) {
      if (!statuses.has(m.name)) ctx.note(say('note.notDefragmented', { member: m.name }))
    }
    const steps: DefragStep[] = []
    for (const member of defragOrder(members, leader)) {
      const wasLeader = member.name === leader
      const votersDone = steps.filter((s) => statuses.get(s.member)?.isLearner === false)
      const movedTo =
        wasLeader && votersDone.length > 0
          ? await moveLeadership(runtime, member, votersDone.at(-1)?.member ?? '', members, ctx)
          : null
      ctx.step(
        say(wasLeader ? 'step.defragmentingLeader' : 'step.defragmenting', { member: member.name }),
      )
      steps.push(await defragmentOne(member, wasLeader, movedTo))
      const done = steps.at(-1) as DefragStep
      ctx.note(
        say('note.defragmented', {
          member: member.name,
          before: formatBytes(done.before.dbSize),
          after: formatBytes(done.after.dbSize),
          ms: done.tookMs,
        }),
      )
    }
    return steps
  })
}

async function defragmentOne(
  member: MemberHandle,
  wasLeader: boolean,
  leaderMovedTo: string | null,
): Promise<DefragStep> {
  const before = await readMemberStatus(member)
  const started = performance.now()
  await call(member, 'defragment', () =>
    member.client.maintenance.defragment({ deadline: Date.now() + DEFRAG_DEADLINE_MS }),
  )
  const tookMs = Math.round(performance.now() - started)
  const after = await readMemberStatus(member)
  return {
    member: member.name,
    wasLeader,
    leaderMovedTo,
    before: { dbSize: before.dbSize, dbSizeInUse: before.dbSizeInUse },
    after: { dbSize: after.dbSize, dbSizeInUse: after.dbSizeInUse },
    tookMs,
  }
}

/** Moves leadership from `leader` to `target`; returns the target, or null when etcd refused. */
async function moveLeadership(
  runtime: MaintenanceTarget,
  leader: MemberHandle,
  target: string,
  members: readonly MemberHandle[],
  ctx: MaintenanceContext,
): Promise<string | null> {
  const to = members.find((m) => m.name === target)
  if (!to) return null
  ctx.step(say('step.movingLeadership', { from: leader.name, to: target }))
  try {
    const { decimalId } = await readMemberStatus(to)
    await call(leader, 'move-leader', () =>
      leader.client.maintenance.moveLeader({ targetID: decimalId }),
    )
    ctx.note(say('note.movedLeadership', { from: leader.name, to: target }))
    return target
  } catch (error) {
    runtime.log.warn({ err: error, from: leader.name, to: target }, 'move leader failed')
    ctx.note(
      say('note.leadershipNotMoved', {
        to: target,
        error: (error as Error).message,
        from: leader.name,
      }),
    )
    return null
  }
}
