import type { ExitInfo, LeaderChange, MemberState } from '../../shared/cluster'
import type { ActionOutcome } from '../../shared/cluster-events'

/** A leader change in words: "etcd2 took over from etcd1 (term 4)". */
export function leaderChangeText(change: LeaderChange): string {
  const term = change.term ? ` (term ${change.term})` : ''
  if (change.to === null) return `No leader${change.from ? ` (${change.from} lost it)` : ''}`
  if (change.from === null) return `${change.to} elected leader${term}`
  return `${change.to} took over from ${change.from}${term}`
}

/** A member's new state in words: "etcd2 crashed (signal SIGKILL)". */
export function memberStateText(member: string, state: MemberState, exit: ExitInfo | null): string {
  switch (state) {
    case 'starting':
      return `${member} is starting`
    case 'running':
      return `${member} is running`
    case 'paused':
      return `${member} is paused (SIGSTOP)`
    case 'stopping':
      return `${member} is stopping`
    case 'stopped':
      return `${member} stopped`
    case 'crashed':
      return `${member} crashed${exit ? ` (${exitCause(exit)})` : ''}`
    case 'errored':
      return `${member} gave up${exit ? `: ${exit.reason}` : ''}`
  }
}

function exitCause(exit: ExitInfo): string {
  if (exit.signal) return `signal ${exit.signal}`
  return exit.code === null ? exit.reason : `exit code ${exit.code}`
}

/** Longest error message kept in an action's text; the full one is in the operation report. */
const MAX_ERROR_CHARS = 200

/** A user action in words: "Stopping member etcd2: done", "…: failed — why". */
export function actionText(label: string, outcome: ActionOutcome, error: string | null): string {
  switch (outcome) {
    case 'succeeded':
      return `${label}: done`
    case 'cancelled':
      return `${label}: cancelled`
    case 'failed': {
      const why = (error ?? 'unknown error').slice(0, MAX_ERROR_CHARS)
      return `${label}: failed — ${why}`
    }
  }
}
