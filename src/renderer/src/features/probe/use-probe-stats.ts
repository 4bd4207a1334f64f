import { useCallback, useState } from 'react'
import type { ProbeStats } from '../../../../shared/probe'
import { usePush } from '../shared/use-push'

/** The newest figures of one cluster's probe, and its rate between the last two. */
export interface ProbeView {
  stats: ProbeStats | null
  /** Attempts a second between the last two figures of the same run; null until there are two. */
  ratePerSecond: number | null
}

const NONE: ProbeView = { stats: null, ratePerSecond: null }

/** The next view after figures arrive (a push or a request's answer); older ones are ignored. */
function nextView(view: ProbeView, next: ProbeStats): ProbeView {
  const prev = view.stats
  if (prev && prev.cluster === next.cluster && next.at < prev.at) return view
  if (!prev || prev.cluster !== next.cluster || !prev.isRunning || !next.isRunning) {
    return { stats: next, ratePerSecond: null }
  }
  const seconds = (Date.parse(next.at) - Date.parse(prev.at)) / 1000
  const attempts = next.totals.ok + next.totals.failed - (prev.totals.ok + prev.totals.failed)
  // Fewer attempts than before: another run began (its totals start at zero).
  if (attempts < 0) return { stats: next, ratePerSecond: null }
  if (seconds <= 0) return { stats: next, ratePerSecond: view.ratePerSecond }
  return { stats: next, ratePerSecond: attempts / seconds }
}

/**
 * A cluster's write probe as its pushes tell it (no polling): nothing is known until the first
 * push, which comes within a second while the probe runs. `take` adds an answer to start/stop.
 */
export function useProbeStats(cluster: string): ProbeView & { take: (s: ProbeStats) => void } {
  const [view, setView] = useState<ProbeView>(NONE)
  const take = useCallback((stats: ProbeStats) => setView((v) => nextView(v, stats)), [])
  usePush('probe:stats', (stats) => {
    if (stats.cluster === cluster) take(stats)
  })
  const current = view.stats?.cluster === cluster ? view : NONE
  return { ...current, take }
}
