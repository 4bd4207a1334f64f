import { quorumOf } from './cluster-rules'

/** A cluster's voting strength: voters, how many must be up, how many may fail. */
export interface QuorumFacts {
  voters: number
  quorum: number
  /** Voters that may fail while writes still succeed (negative: already below quorum). */
  tolerates: number
}

/** What a membership change does to quorum, for the calculator shown before every change. */
export interface QuorumChange {
  before: QuorumFacts
  after: QuorumFacts
  /** After the change, fewer voters would be up than its quorum: writes stop. */
  losesQuorum: boolean
  /** After the change the voter count is even: no more failures tolerated than with one fewer. */
  isEven: boolean
  /** "3 voters, quorum 2, survives 1 failure → after: 2 voters, quorum 2, survives 0". */
  summary: string
}

/** The quorum facts of `voters` voting members. */
export function quorumFacts(voters: number): QuorumFacts {
  const quorum = quorumOf(voters)
  return { voters, quorum, tolerates: voters - quorum }
}

/**
 * What a change from `votersBefore` to `votersAfter` voters does, given how many voters will be
 * up after it (`upAfter`; a learner being added counts as no voter).
 */
export function quorumChange(
  votersBefore: number,
  votersAfter: number,
  upAfter: number,
): QuorumChange {
  const before = quorumFacts(votersBefore)
  const after = quorumFacts(votersAfter)
  return {
    before,
    after,
    losesQuorum: votersAfter > 0 && upAfter < after.quorum,
    isEven: votersAfter > 0 && votersAfter % 2 === 0,
    summary: `${describe(before)} → after: ${describe(after)}`,
  }
}

function describe(facts: QuorumFacts): string {
  const failures = facts.tolerates === 1 ? '1 failure' : `${Math.max(0, facts.tolerates)}`
  const voters = facts.voters === 1 ? '1 voter' : `${facts.voters} voters`
  return `${voters}, quorum ${facts.quorum}, survives ${failures}`
}
