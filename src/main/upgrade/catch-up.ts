import type { ClusterRuntime } from '../cluster/cluster-runtime'
import type { OperationContext } from '../cluster/cluster-operations'
import { EngineError } from '../errors/engine-error'
import { withMemberClients, readStatuses, leaderOf } from '../maintenance/member-clients'
import { say } from '../maintenance/maintenance-words'

/** Why 30 s: a member back after a few seconds replays a few thousand entries in well under a second here; a member still behind after 30 s is stuck, not slow. */
const CATCH_UP_DEADLINE_MS = 30_000
/** Why 100 ms: a status call on loopback takes a few ms; catching up takes tens to hundreds. */
const CATCH_UP_POLL_MS = 100

/**
 * Waits until a member restarted on a new binary has applied everything the leader had
 * committed when it came back (its raft applied index reaches the leader's raft index then), so
 * the next member is only stopped once this one holds the whole log. Answers the index reached.
 */
export async function waitCaughtUp(
  runtime: ClusterRuntime,
  member: string,
  ctx: Pick<OperationContext, 'signal' | 'step'>,
): Promise<string> {
  const cluster = runtime.def.name
  const deadline = Date.now() + CATCH_UP_DEADLINE_MS
  return withMemberClients(runtime, async (members) => {
    const statuses = await readStatuses(members)
    const leader = leaderOf(cluster, statuses)
    const target = BigInt(statuses.get(leader)!.raftIndex)
    const own = members.find((m) => m.name === member)
    if (!own) {
      throw new EngineError(
        'MEMBER_NOT_RUNNING',
        `Member ${member} of ${cluster} is not running.`,
        {
          cluster,
          member,
        },
      )
    }
    ctx.step(say('step.catchingUp', { member, leader, index: target.toString() }))
    for (;;) {
      const applied = BigInt((await readStatuses([own])).get(member)!.raftAppliedIndex)
      if (applied >= target) return applied.toString()
      ctx.signal.throwIfAborted()
      if (Date.now() > deadline) {
        throw new EngineError(
          'CLUSTER_UNHEALTHY',
          `${member} of ${cluster} applied raft index ${applied} of the leader's ${target} after ${CATCH_UP_DEADLINE_MS / 1000} s; it is not catching up.`,
          { cluster, waitedMs: CATCH_UP_DEADLINE_MS, reason: 'member not catching up' },
        )
      }
      await new Promise((resolve) => setTimeout(resolve, CATCH_UP_POLL_MS))
    }
  })
}
