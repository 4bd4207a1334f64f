import { words, type EngineWords } from '../../shared/engine-words/engine-words'
import { EngineError, isEngineError } from '../errors/engine-error'
import type { OperationContext } from '../cluster/cluster-operations'
import { etcdWords, membershipAnswerOf, type MembershipAnswer } from './membership-errors'
import { retryWhile, RetryExhausted } from './retry-while'

/**
 * Why 20 s: etcd refuses membership changes for 5 s after any member (re)start (HealthInterval),
 * and on 3.4 and 3.5 < 3.5.30 while any voter is down; 20 s rides out the first, and the second
 * does not pass by waiting, so it is reported then (ETCD-OPS-FACTS §4).
 */
export const UNHEALTHY_WAIT_MS = 20_000

/** Why 30 s: a learner of a small cluster catches up in about a second; a big one takes longer. */
export const PROMOTE_WAIT_MS = 30_000

/** Answers worth waiting out for member add and remove. */
const SETTLING: MembershipAnswer[] = ['unhealthy', 'notEnoughStarted']

/**
 * Runs a membership call, waiting out `waitFor` answers (default: the cluster settling after a
 * restart) and saying on the operation's step what it waits for; etcd's refusals become coded
 * EngineErrors naming the member.
 */
export async function callMembership<T>(
  ctx: OperationContext,
  cluster: string,
  member: string,
  timeoutMs: number,
  attempt: () => Promise<T>,
  waitFor: MembershipAnswer[] = SETTLING,
): Promise<{ value: T; waitedMs: number }> {
  try {
    return await retryWhile({
      attempt,
      isRetryable: (error) => waitFor.includes(membershipAnswerOf(error)!),
      timeoutMs,
      signal: ctx.signal,
      onWait: (error, waitedMs) =>
        ctx.step(waitingStep(membershipAnswerOf(error)!, member, waitedMs)),
    })
  } catch (error) {
    throw membershipError(error, cluster, member)
  }
}

function waitingStep(answer: MembershipAnswer, member: string, waitedMs: number): EngineWords {
  const seconds = (waitedMs / 1000).toFixed(1)
  if (answer === 'learnerNotInSync') {
    return words('engine-steps-cluster:step.waitingForCatchUp', { member, seconds })
  }
  // etcd's own words for its refusal ("unhealthy cluster") stay English in every language.
  const etcdAnswer = etcdWords(answer)
  return words('engine-steps-cluster:step.waitingForSettle', { answer: etcdAnswer, seconds })
}

/** etcd's membership refusals as coded errors naming the cluster and member. */
function membershipError(error: unknown, cluster: string, member: string): unknown {
  if (isEngineError(error)) return error
  const waitedMs = error instanceof RetryExhausted ? error.waitedMs : 0
  const cause = error instanceof RetryExhausted ? error.last : error
  const message = cause instanceof Error ? cause.message : String(cause)
  switch (membershipAnswerOf(cause)) {
    case 'unhealthy':
    case 'notEnoughStarted':
      return new EngineError(
        'CLUSTER_UNHEALTHY',
        `Cluster ${cluster} refused the change for ${member} (${message}) after waiting ${(waitedMs / 1000).toFixed(1)} s. On etcd 3.4 and 3.5 before 3.5.30 every voter must be up and connected for 5 s: start the stopped members and try again.`,
        { cluster, waitedMs, reason: message },
      )
    case 'learnerNotInSync':
      return new EngineError(
        'LEARNER_NOT_IN_SYNC',
        `Learner ${member} of cluster ${cluster} has not caught up with the leader after ${(waitedMs / 1000).toFixed(1)} s; make sure it runs, then promote it again.`,
        { cluster, member, waitedMs },
      )
    case 'tooManyLearners':
      return new EngineError(
        'TOO_MANY_LEARNERS',
        `Cluster ${cluster} already has a learner, and etcd allows one: promote or remove it before adding ${member} as a learner, or add ${member} as a voter.`,
        { cluster, learners: [] },
      )
    case 'notALearner':
      return new EngineError(
        'NOT_A_LEARNER',
        `Member ${member} of cluster ${cluster} is not a learner.`,
        {
          cluster,
          member,
        },
      )
    case 'memberNotFound':
      return new EngineError(
        'MEMBER_NOT_FOUND',
        `etcd does not list member ${member} of cluster ${cluster}.`,
        {
          cluster,
          member,
        },
      )
    case 'peerUrlExists':
      return new EngineError(
        'MEMBER_EXISTS',
        `etcd already lists a member with the peer URL of ${member} (cluster ${cluster}): remove that one first, or use other ports.`,
        { cluster, member },
      )
    case 'notLeader':
    case 'badTransferee':
    case null:
      return new EngineError(
        'ETCD_REQUEST_FAILED',
        `The membership change for ${member} of cluster ${cluster} failed: ${message}`,
        { endpoints: [], operation: 'membership', cause: message },
      )
  }
}
