import type { ClusterStatus, ListedMember, MemberStatus } from '../../shared/cluster'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { isLive } from '../cluster/member-lifecycle'
import { EngineError } from '../errors/engine-error'

/** What a membership change needs to know of the cluster now, read fresh. */
export interface ClusterFacts {
  status: ClusterStatus
  /** etcd's member list (from the first member that answered). */
  listed: ListedMember[]
  leader: string | null
}

/** Polls status once more and returns it; refuses a cluster with no live member. */
export async function readClusterFacts(runtime: ClusterRuntime): Promise<ClusterFacts> {
  if (!runtime.isActive()) {
    const cluster = runtime.def.name
    throw new EngineError('CLUSTER_NOT_RUNNING', `Cluster ${cluster} is not running.`, { cluster })
  }
  await runtime.lifecycle.pollQuietly()
  const status = runtime.status()
  if (!status) {
    const cluster = runtime.def.name
    throw new EngineError('CLUSTER_NOT_RUNNING', `Cluster ${cluster} does not answer.`, { cluster })
  }
  return { status, listed: status.memberList, leader: status.leaderName }
}

/** A member's entry in etcd's member list, by name, or by its peer URL before it first started. */
export function listedMember(
  facts: ClusterFacts,
  name: string,
  peerUrl: string,
): ListedMember | null {
  return (
    facts.listed.find((m) => m.name === name) ??
    facts.listed.find((m) => m.peerUrls.includes(peerUrl)) ??
    null
  )
}

/** The status a member reported of itself, if it answered. */
export function memberStatusOf(facts: ClusterFacts, name: string): MemberStatus | null {
  return facts.status.members.find((m) => m.member === name) ?? null
}

/** Healthy voting members (their own status says healthy and not learner), by name. */
export function healthyVoters(facts: ClusterFacts): string[] {
  return facts.status.members.filter((m) => m.healthy && !m.isLearner).map((m) => m.member)
}

/** The client URL of a member that is live in this engine. */
export function liveClientUrl(runtime: ClusterRuntime, name: string): string | null {
  const slot = runtime.slots.find((s) => s.spec.name === name)
  return slot && isLive(slot.process.state) ? slot.view().clientUrl : null
}
