/**
 * etcd's answers to membership calls, as the engine tells them apart. The strings are etcd's own
 * (api/v3rpc/rpctypes/error.go, the same in 3.4 to 3.7; ETCD-OPS-FACTS §4).
 */
const ANSWERS = {
  /** Refused for ~5 s after any member (re)start, and while a voter is down before 3.5.30. */
  unhealthy: 'etcdserver: unhealthy cluster',
  notEnoughStarted: 'etcdserver: re-configuration failed due to not enough started members',
  tooManyLearners: 'etcdserver: too many learner members in cluster',
  learnerNotInSync: 'etcdserver: can only promote a learner member which is in sync with leader',
  notALearner: 'etcdserver: can only promote a learner member',
  peerUrlExists: 'etcdserver: Peer URLs already exists',
  memberNotFound: 'etcdserver: member not found',
  notLeader: 'etcdserver: not leader',
  badTransferee: 'etcdserver: bad leader transferee',
} as const

/** Which of etcd's membership answers an error is. */
export type MembershipAnswer = keyof typeof ANSWERS

/** The answer an error carries, or null for anything else (a network error, a timeout). */
export function membershipAnswerOf(error: unknown): MembershipAnswer | null {
  const message = error instanceof Error ? error.message : String(error)
  // Longest first: "can only promote a learner member" is a prefix of the in-sync answer.
  const ordered = (Object.keys(ANSWERS) as MembershipAnswer[]).sort(
    (a, b) => ANSWERS[b].length - ANSWERS[a].length,
  )
  return ordered.find((key) => message.includes(ANSWERS[key])) ?? null
}

/** etcd's words for an answer, as shown in steps and errors. */
export function etcdWords(answer: MembershipAnswer): string {
  return ANSWERS[answer]
}
