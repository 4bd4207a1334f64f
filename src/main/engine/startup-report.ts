import type { StartupReport } from '../../shared/contract'
import type { ReconcileOutcome } from './reconcile'

/**
 * Turns what start-up found (members adopted or stopped, problems reading the data directory)
 * into sentences for the window and the log; null when there is nothing to tell.
 */
export function startupReportOf(
  outcomes: readonly ReconcileOutcome[],
  problems: readonly string[] = [],
  startedAt = new Date(),
): StartupReport | null {
  const lines: string[] = [...problems]
  const clusters = [...new Set(outcomes.map((o) => o.cluster))]
  for (const cluster of clusters) {
    const of = (action: ReconcileOutcome['action']) =>
      outcomes.filter((o) => o.cluster === cluster && o.action === action)
    const adopted = of('adopted').length
    const stopped = of('stopped').length
    const gone = of('gone').length
    if (adopted > 0) {
      lines.push(
        `Adopted ${members(adopted)} of cluster ${cluster} still running from the last run.`,
      )
    }
    if (stopped > 0) {
      lines.push(`Stopped ${members(stopped)} of cluster ${cluster} left running by the last run.`)
    }
    if (gone > 0) {
      lines.push(
        `${capital(members(gone))} of cluster ${cluster} running at the end of the last run had exited since.`,
      )
    }
    for (const other of of('not-ours')) {
      lines.push(
        `Process ${other.pid}, recorded for member ${other.member} of cluster ${cluster}, is now another program; it was left alone.`,
      )
    }
  }
  if (lines.length === 0) return null
  return { id: `${startedAt.toISOString()}-${process.pid}`, lines }
}

function members(n: number): string {
  return n === 1 ? '1 member' : `${n} members`
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
