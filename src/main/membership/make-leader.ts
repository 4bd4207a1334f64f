import type { ClusterRuntime } from '../cluster/cluster-runtime'
import type { ReportedContext } from '../cluster/reported-operation'
import { openMemberClient } from '../etcd/member-client'
import { words } from '../../shared/engine-words/engine-words'
import { EngineError } from '../errors/engine-error'
import { liveClientUrl, memberStatusOf, readClusterFacts, type ClusterFacts } from './cluster-facts'
import { allEndpoints, etcdctlTwin } from './etcdctl-twin'
import { toDecimalId } from './member-ids'

/** Why 5 s: a leadership transfer completes within an election timeout (1 s by default). */
const TRANSFER_WAIT_MS = 5_000
/** Why 100 ms: one status poll of a small cluster takes a few ms; an election about a second. */
const TRANSFER_POLL_MS = 100

/**
 * Makes `target` the leader with etcd's move-leader, which only the current leader accepts (so
 * the call goes to a client of the leader alone), then waits until the members agree.
 */
export async function moveLeadership(
  runtime: ClusterRuntime,
  facts: ClusterFacts,
  target: string,
  ctx: ReportedContext,
): Promise<void> {
  const cluster = runtime.def.name
  const leader = facts.leader
  if (!leader) {
    throw new EngineError('NO_LEADER', `Cluster ${cluster} has no leader to hand over from.`, {
      cluster,
    })
  }
  if (leader === target) {
    ctx.note(words('engine-steps-cluster:note.alreadyLeads', { member: target }))
    return
  }
  const targetStatus = memberStatusOf(facts, target)
  if (!targetStatus?.id || !targetStatus.healthy || targetStatus.isLearner) {
    throw new EngineError(
      'MEMBER_NOT_RUNNING',
      `Member ${target} of cluster ${cluster} cannot take over leadership: it must be a healthy voter.`,
      { cluster, member: target },
    )
  }
  const leaderUrl = liveClientUrl(runtime, leader)
  if (!leaderUrl) {
    throw new EngineError(
      'NO_LEADER',
      `The leader ${leader} of cluster ${cluster} is not reachable.`,
      {
        cluster,
      },
    )
  }
  ctx.step(words('engine-steps-cluster:step.moveLeader', { id: targetStatus.id, leader }))
  // etcdctl finds the leader among its endpoints; the RPC must reach the leader itself.
  ctx.twin(await etcdctlTwin(runtime, allEndpoints(runtime), ['move-leader', targetStatus.id]))
  const client = openMemberClient(leaderUrl, { security: runtime.security })
  try {
    await client.maintenance.moveLeader({ targetID: toDecimalId(targetStatus.id) })
  } finally {
    client.close()
  }
  await waitForLeader(runtime, target, ctx)
  ctx.note(words('engine-steps-cluster:note.leadershipMoved', { from: leader, to: target }))
}

/** Makes a member the leader, as an operation of its own ("Make leader"). */
export async function makeLeader(
  runtime: ClusterRuntime,
  target: string,
  ctx: ReportedContext,
): Promise<void> {
  runtime.members.slot(target)
  await moveLeadership(runtime, await readClusterFacts(runtime), target, ctx)
}

async function waitForLeader(runtime: ClusterRuntime, target: string, ctx: ReportedContext) {
  const deadline = Date.now() + TRANSFER_WAIT_MS
  while (Date.now() < deadline) {
    ctx.signal.throwIfAborted()
    const facts = await readClusterFacts(runtime)
    if (facts.leader === target) return
    await new Promise((resolve) => setTimeout(resolve, TRANSFER_POLL_MS))
  }
  throw new EngineError(
    'NO_LEADER',
    `Cluster ${runtime.def.name} accepted the move of leadership to ${target}, but ${target} did not lead within ${TRANSFER_WAIT_MS / 1000} s.`,
    { cluster: runtime.def.name },
  )
}
