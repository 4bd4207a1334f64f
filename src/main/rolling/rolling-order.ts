import type { ClusterRuntime } from '../cluster/cluster-runtime'
import type { ReportedContext } from '../cluster/reported-operation'
import { say } from '../maintenance/maintenance-words'
import { readClusterFacts } from '../membership/cluster-facts'
import { moveLeadership } from '../membership/make-leader'

/**
 * The member a rolling change takes next among `todo`: learners and followers first, the leader
 * last (it hands leadership over first, see handOver), so the cluster elects at most once.
 */
export async function nextInRollingOrder(
  runtime: ClusterRuntime,
  todo: readonly string[],
): Promise<{ name: string; isLeader: boolean } | null> {
  const members = runtime.def.members.filter((m) => todo.includes(m.name))
  if (members.length === 0) return null
  const { leader } = await readClusterFacts(runtime)
  const ordered = [...members].sort(
    (a, b) =>
      Number(a.name === leader) - Number(b.name === leader) ||
      Number(!a.isLearner) - Number(!b.isLearner),
  )
  const first = ordered[0]!
  return { name: first.name, isLeader: first.name === leader }
}

/**
 * Moves leadership off a leader about to be stopped, to a healthy voter — one `isDone` already
 * (it went through the change) when there is one. A leader alone is stopped as it is.
 */
export async function handOver(
  runtime: ClusterRuntime,
  leader: string,
  isDone: (member: string) => boolean,
  ctx: ReportedContext,
): Promise<void> {
  const facts = await readClusterFacts(runtime)
  const voters = facts.status.members.filter(
    (m) => m.healthy && !m.isLearner && m.member !== leader,
  )
  const target = voters.find((m) => isDone(m.member)) ?? voters[0]
  if (!target) {
    ctx.note(say('note.leadsAlone', { leader }))
    return
  }
  ctx.step(say('step.handingOver', { leader, target: target.member }))
  await moveLeadership(runtime, facts, target.member, ctx)
}
