import type { KeySearchMatch, KeySearchState } from '../../shared/key-search'
import type { EngineLog } from '../log/engine-log'
import { prefixRange } from './key-bytes'
import { scanRange, type RangeSource } from './range-scan'
import type { SearchMatcher } from './search-matcher'

/** Why 100 ms: progress moves visibly, yet a fast scan does not push hundreds of updates a second. */
const PROGRESS_INTERVAL_MS = 100

/** What one search reads and how many results it keeps. */
export interface KeySearchPlan {
  /** Every key starting with these bytes; empty = the whole key space. */
  prefix: Uint8Array
  /** The revision read before the scan: every Range reads at it. */
  revision: string
  matcher: SearchMatcher
  /** Read values too (for a value search); otherwise the scan is keys-only. */
  withValues: boolean
  /** The scan stops once it found this many matches. */
  maxResults: number
  /** A key with many keys of the prefix up to it, to bound the first Range (see scanRange). */
  firstBound?: Uint8Array
  /** Where failures nobody awaits are reported. */
  log?: EngineLog
}

/** Where a search stands; the caller keeps it to report a failure with the progress made. */
export interface KeySearchProgress {
  scanned: number
  total: number | null
  found: number
}

/** One report of a search: new matches and where it stands. */
export interface KeySearchReport {
  matches: KeySearchMatch[]
  scanned: number
  total: number | null
  state: Exclude<KeySearchState, 'failed'>
}

/**
 * Scans the keys under a prefix at one revision, a bounded window at a time (scanRange), and
 * reports matches as they are found (at most one report per PROGRESS_INTERVAL_MS while running,
 * plus the final one). Stops at `maxResults` matches ('capped') or when `signal` aborts; after an
 * abort it reports nothing more and sends no further Range. Errors are thrown to the caller.
 */
export async function runKeySearch(
  reader: RangeSource,
  plan: KeySearchPlan,
  report: (update: KeySearchReport) => void,
  signal: AbortSignal,
  progress: KeySearchProgress = { scanned: 0, total: null, found: 0 },
): Promise<void> {
  let pending: KeySearchMatch[] = []
  let lastReport = performance.now()
  const windows = scanRange(reader, {
    range: prefixRange(plan.prefix),
    revision: plan.revision,
    keysOnly: !plan.withValues,
    signal,
    firstBound: plan.firstBound,
    log: plan.log,
  })
  for await (const window of windows) {
    if (window.total !== null) progress.total = window.total
    for (const kv of window.kvs) {
      progress.scanned++
      const match = plan.matcher.match(kv)
      if (!match) continue
      pending.push(match)
      if (++progress.found === plan.maxResults) {
        report({ matches: pending, ...where(progress), state: 'capped' })
        return
      }
    }
    if (signal.aborted) return
    if (pending.length > 0 || performance.now() - lastReport >= PROGRESS_INTERVAL_MS) {
      report({ matches: pending, ...where(progress), state: 'running' })
      pending = []
      lastReport = performance.now()
    }
  }
  if (signal.aborted) return
  report({ matches: pending, ...where(progress), state: 'done' })
}

function where(progress: KeySearchProgress): { scanned: number; total: number | null } {
  return { scanned: progress.scanned, total: progress.total }
}
