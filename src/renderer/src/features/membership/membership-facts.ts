import type { TFunction } from 'i18next'
import type { ClusterStatus, ClusterView } from '../../../../shared/cluster'
import {
  quorumChange,
  quorumFacts,
  type QuorumChange,
  type QuorumFacts,
} from '../../../../shared/quorum'

/** Voters and how many of them are up now, from the cluster and its latest status. */
export interface VoterCount {
  voters: number
  up: number
}

/** Counts voters (learners excluded) and voters whose own status says healthy. */
export function voterCount(cluster: ClusterView, status: ClusterStatus | null): VoterCount {
  const voters = cluster.members.filter((m) => !m.isLearner).map((m) => m.name)
  const up = (status?.members ?? []).filter(
    (s) => s.healthy && !s.isLearner && voters.includes(s.member),
  ).length
  return { voters: voters.length, up }
}

/** The quorum facts of the cluster now. */
export function quorumNow(count: VoterCount): QuorumFacts {
  return quorumFacts(count.voters)
}

/** What adding a member (a voter, or a learner that does not vote yet) does to quorum. */
export function quorumAfterAdd(count: VoterCount, asLearner: boolean): QuorumChange {
  // A new voter counts as down until it has started.
  return asLearner
    ? quorumChange(count.voters, count.voters, count.up)
    : quorumChange(count.voters, count.voters + 1, count.up)
}

/** What removing a member does to quorum. */
export function quorumAfterRemove(
  count: VoterCount,
  isVoter: boolean,
  isUp: boolean,
): QuorumChange {
  if (!isVoter) return quorumChange(count.voters, count.voters, count.up)
  return quorumChange(count.voters, count.voters - 1, count.up - (isUp ? 1 : 0))
}

/** "3 voters, quorum 2, survives 1 failure → after: 2 voters, quorum 2, survives 0 failures". */
export function quorumSummary(change: QuorumChange, t: TFunction<'membership'>): string {
  const facts = (f: QuorumFacts) =>
    t('quorum.facts', {
      voters: t('quorum.voters', { count: f.voters }),
      quorum: f.quorum,
      failures: t('section.failures', { count: Math.max(0, f.tolerates) }),
    })
  return t('quorum.summary', { before: facts(change.before), after: facts(change.after) })
}
