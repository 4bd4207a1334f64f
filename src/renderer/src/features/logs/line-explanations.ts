import { explainLogLine, type LogExplanation } from '../../../../shared/log-explanations'
import type { LogLine } from '../../../../shared/logs'

// Lines are immutable and kept by identity across appends, so each is matched against the
// catalogue once, not on every render of up to MAX_LOG_LINES rows.
const cache = new WeakMap<LogLine, LogExplanation | null>()

/** The catalogue's explanation of a line (see shared/log-explanations.ts), or null. */
export function explanationOf(line: LogLine): LogExplanation | null {
  let explanation = cache.get(line)
  if (explanation === undefined) {
    explanation = explainLogLine(line)
    cache.set(line, explanation)
  }
  return explanation
}
