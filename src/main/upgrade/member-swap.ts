import type { MemberSwapReport } from '../../shared/upgrade'
import { memberVersionOf } from '../../shared/cluster-rules'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import type { ReportedContext } from '../cluster/reported-operation'
import { EngineError, isEngineError } from '../errors/engine-error'
import { LOG_TAIL_LINES } from '../process/member-process'
import { say } from '../maintenance/maintenance-words'
import { startAndCatchUp, stopDrained, type Drain } from '../rolling/member-restart'
import { saveMemberVersion } from './member-versions'

/** How one member moves to another etcd version. */
export interface SwapRequest {
  member: string
  to: string
  /** A 3.4 member joining a 3.5 cluster being downgraded starts with --next-cluster-version-compatible. */
  nextClusterVersionCompatible: boolean
  /** Takes the member out of the write probe before it stops (see ProbeMeter.drain). */
  drain: Drain
}

/**
 * Moves one member to another etcd: stop it (SIGTERM), save the version it runs from now on,
 * start it on the new binary with the same data dir and the flags of the new line, and wait until
 * it is healthy and has caught up with the leader. A member that does not come back is started on
 * its old binary again and MEMBER_UPGRADE_FAILED names it, with its log tail.
 */
export async function swapMember(
  runtime: ClusterRuntime,
  request: SwapRequest,
  ctx: ReportedContext,
): Promise<MemberSwapReport> {
  const { member, to } = request
  const slot = runtime.members.slot(member)
  const from = memberVersionOf(runtime.def, slot.spec)
  const startedAt = Date.now()
  ctx.step(say('step.stoppingEtcd', { member, version: from }))
  const undrain = await stopDrained(runtime, member, request.drain, ctx)
  try {
    await saveMemberVersion(runtime, member, to, request.nextClusterVersionCompatible)
    ctx.step(say('step.startingOn', { member, version: to }))
    try {
      await startAndCatchUp(runtime, member, ctx)
    } catch (error) {
      throw await rollBack(runtime, request, from, error, ctx)
    }
  } finally {
    undrain()
  }
  const tookMs = Date.now() - startedAt
  ctx.note(say('note.swapped', { member, from, to, seconds: (tookMs / 1000).toFixed(1) }))
  return { member, from, to, tookMs, rolledBack: false }
}

/** Starts a member that did not come back on its new binary on its old one; the error to throw. */
async function rollBack(
  runtime: ClusterRuntime,
  request: SwapRequest,
  from: string,
  error: unknown,
  ctx: ReportedContext,
): Promise<EngineError> {
  const { member, to } = request
  const cluster = runtime.def.name
  const slot = runtime.members.slot(member)
  const logTail = await tailOf(error, () => slot.log.readTail(LOG_TAIL_LINES), runtime.log)
  const reason = error instanceof Error ? error.message : String(error)
  runtime.log.warn(
    { err: error, member, to, from },
    'member did not come back on the new etcd; rolling back',
  )
  ctx.note(say('note.didNotComeBack', { member, version: to, reason }))
  let rolledBackTo: string | null = null
  if (!ctx.signal.aborted) {
    ctx.step(say('step.startingOnAgain', { member, version: from }))
    try {
      await saveMemberVersion(runtime, member, from)
      if (slot.process.state !== 'running') await runtime.lifecycle.launch(slot, ctx)
      rolledBackTo = from
      ctx.note(say('note.runsAgain', { member, version: from }))
    } catch (rollbackError) {
      runtime.log.error({ err: rollbackError, member, from }, 'rolling a member back failed')
      ctx.note(
        say('note.rollBackFailed', {
          member,
          version: from,
          error: (rollbackError as Error).message,
        }),
      )
    }
  }
  return new EngineError(
    'MEMBER_UPGRADE_FAILED',
    `${member} of ${cluster} did not come back on etcd ${to} (${reason}); the upgrade stopped there${rolledBackTo ? ` and ${member} runs etcd ${from} again` : ''}.`,
    { cluster, member, version: to, rolledBackTo, logTail },
  )
}

async function tailOf(
  error: unknown,
  read: () => Promise<string[]>,
  log: ClusterRuntime['log'],
): Promise<string[]> {
  if (isEngineError(error) && (error.is('START_TIMEOUT') || error.is('MEMBER_CRASHED'))) {
    const tail = error.detail?.logTail
    if (tail && tail.length > 0) return tail
  }
  return read().catch((failure: unknown) => {
    log.warn({ err: failure }, 'reading the log tail of a member that did not come back failed')
    return []
  })
}
