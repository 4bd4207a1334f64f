import type { StartupReport } from '../../shared/contract'
import { words, type EngineWords } from '../../shared/engine-words/engine-words'
import { english } from '../words/english'
import type { ReconcileOutcome } from './reconcile'

/**
 * Turns what start-up found (members adopted or stopped, problems reading the data directory)
 * into sentences for the window and the log; null when there is nothing to tell.
 */
export function startupReportOf(
  outcomes: readonly ReconcileOutcome[],
  problems: readonly EngineWords[] = [],
  startedAt = new Date(),
): StartupReport | null {
  const lines: EngineWords[] = [...problems]
  const clusters = [...new Set(outcomes.map((o) => o.cluster))]
  for (const cluster of clusters) {
    const of = (action: ReconcileOutcome['action']) =>
      outcomes.filter((o) => o.cluster === cluster && o.action === action)
    const counts = {
      adopted: of('adopted').length,
      stopped: of('stopped').length,
      gone: of('gone').length,
    }
    for (const [action, count] of Object.entries(counts) as [keyof typeof counts, number][]) {
      if (count > 0) lines.push(words(`engine-notices:startup.${action}`, { count, cluster }))
    }
    for (const other of of('not-ours')) {
      lines.push(
        words('engine-notices:startup.notOurs', { pid: other.pid, member: other.member, cluster }),
      )
    }
  }
  return reportOf(lines, startedAt)
}

/** A start-up report of `lines` (English, and the words for the window); null without any. */
function reportOf(lines: readonly EngineWords[], startedAt = new Date()): StartupReport | null {
  if (lines.length === 0) return null
  return {
    id: `${startedAt.toISOString()}-${process.pid}`,
    lines: lines.map(english),
    lineWords: [...lines],
  }
}

/** A start-up report with more lines (a new one when there was none). */
export function withLines(
  report: StartupReport | null,
  lines: readonly EngineWords[],
): StartupReport | null {
  if (lines.length === 0) return report
  if (!report) return reportOf(lines)
  return {
    ...report,
    lines: [...report.lines, ...lines.map(english)],
    lineWords: [...report.lineWords, ...lines],
  }
}
