import { useEffect, useState } from 'react'
import {
  MAX_METRICS_SAMPLES,
  METRICS_INTERVAL_MS,
  type MetricsSample,
} from '../../../../shared/metrics'
import type { ErrorData } from '../../../../shared/result'
import { useApi, useConnection } from '../shared/api-context'
import { settle } from '../shared/use-action'
import { usePush } from '../shared/use-push'

/** What the Metrics tab holds: the kept samples (oldest first), the interval, the error if any. */
export interface MetricsState {
  samples: MetricsSample[]
  intervalMs: number
  error: ErrorData | null
}

/** The state with the cluster it belongs to. */
type OwnedState = MetricsState & { cluster: string }

const EMPTY: MetricsState = { samples: [], intervalMs: METRICS_INTERVAL_MS, error: null }

/** The state if it is `cluster`'s, else an empty one for it. */
function ownState(state: OwnedState, cluster: string): OwnedState {
  return state.cluster === cluster ? state : { ...EMPTY, cluster }
}

/** Samples merged by time without duplicates, oldest first, at most MAX_METRICS_SAMPLES. */
function merge(known: readonly MetricsSample[], more: readonly MetricsSample[]): MetricsSample[] {
  const byTime = new Map<number, MetricsSample>()
  for (const sample of [...known, ...more]) byTime.set(sample.at, sample)
  return [...byTime.values()].sort((a, b) => a.at - b.at).slice(-MAX_METRICS_SAMPLES)
}

/**
 * A cluster's metrics while `isActive` (its tab shown): subscribes (the answer fills the tab with
 * the engine's last 15 minutes at once), then appends `metrics:samples` pushes; unsubscribes when
 * the tab is hidden or the component goes, so the engine samples only what a window shows.
 */
export function useMetrics(cluster: string, isActive: boolean): MetricsState {
  const api = useApi()
  const { epoch } = useConnection()
  // Kept with the cluster it belongs to: another cluster's samples are never shown as this one's.
  const [state, setState] = useState<OwnedState>({
    cluster,
    samples: [],
    intervalMs: METRICS_INTERVAL_MS,
    error: null,
  })
  useEffect(() => {
    if (!isActive) return
    let isCurrent = true
    let subscriptionId: string | null = null
    void settle(() => api.request('metrics:subscribe', { cluster })).then((result) => {
      if (!result.ok) {
        if (isCurrent) setState((prev) => ({ ...ownState(prev, cluster), error: result.error }))
        return
      }
      subscriptionId = result.value.subscriptionId
      if (!isCurrent) {
        void api.request('metrics:unsubscribe', { subscriptionId })
        return
      }
      const { samples, intervalMs } = result.value
      setState((prev) => ({
        cluster,
        samples: merge(ownState(prev, cluster).samples, samples),
        intervalMs,
        error: null,
      }))
    })
    return () => {
      isCurrent = false
      if (subscriptionId) void api.request('metrics:unsubscribe', { subscriptionId })
    }
  }, [api, cluster, isActive, epoch])
  usePush('metrics:samples', (batch) => {
    if (batch.cluster !== cluster || !isActive) return
    setState((prev) => ({
      ...ownState(prev, cluster),
      samples: merge(ownState(prev, cluster).samples, batch.samples),
    }))
  })
  const { samples, intervalMs, error } = ownState(state, cluster)
  return { samples, intervalMs, error }
}
