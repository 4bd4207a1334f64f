import type { Etcd3 } from 'etcd3'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { openMemberClient } from '../etcd/member-client'
import { EngineError } from '../errors/engine-error'
import { healthyVoters, liveClientUrl, type ClusterFacts } from './cluster-facts'

/**
 * Runs `work` with a client of one healthy voting member (the leader when it is healthy),
 * skipping `except`. Why one member: etcd3 spreads calls over random hosts and retries them, while
 * a membership change must be answered by a member that can vote, and its answer reported as is.
 */
export async function withVoterClient<T>(
  runtime: ClusterRuntime,
  facts: ClusterFacts,
  work: (client: Etcd3, member: string) => Promise<T>,
  except: string | null = null,
): Promise<T> {
  const voters = healthyVoters(facts).filter((name) => name !== except)
  const ordered = facts.leader && voters.includes(facts.leader) ? [facts.leader, ...voters] : voters
  const member = ordered.find((name) => liveClientUrl(runtime, name) !== null)
  const url = member ? liveClientUrl(runtime, member) : null
  if (!member || !url) {
    const cluster = runtime.def.name
    throw new EngineError(
      'CLUSTER_UNHEALTHY',
      `Cluster ${cluster} has no healthy voting member${except ? ` besides ${except}` : ''} to ask.`,
      { cluster, waitedMs: 0, reason: 'no healthy voting member' },
    )
  }
  const client = openMemberClient(url, { security: runtime.security })
  try {
    return await work(client, member)
  } finally {
    client.close()
  }
}
