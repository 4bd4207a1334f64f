import { useEffect, useRef, useState } from 'react'
import { mergeNewestFirst, type ClusterEvent } from '../../../../shared/cluster-events'
import type { ErrorData } from '../../../../shared/result'
import { useApi, useConnection } from '../shared/api-context'
import { settle } from '../shared/use-action'
import { usePush } from '../shared/use-push'

/** What the timeline hook holds: the events (newest first) and the fetch error, if any. */
export interface ClusterTimelineState {
  events: ClusterEvent[]
  error: ErrorData | null
}

interface Held extends ClusterTimelineState {
  /** The cluster and connection epoch the events belong to. */
  key: string
}

const NOTHING: ClusterTimelineState = { events: [], error: null }

/**
 * A cluster's timeline (leader changes, member state changes, the user's actions), newest first:
 * asked once (and afresh after a reconnect), then kept current by `timeline:append` pushes.
 * Pushes that arrive during the fetch are kept and merged by their sequence number.
 */
export function useClusterTimeline(cluster: string): ClusterTimelineState {
  const api = useApi()
  const { epoch } = useConnection()
  const key = `${epoch}|${cluster}`
  const [held, setHeld] = useState<Held>({ key: '', ...NOTHING })
  // Pushes that arrived while the fetch was under way (null once it answered).
  const pending = useRef<ClusterEvent[] | null>([])
  useEffect(() => {
    let isCurrent = true
    pending.current = []
    void settle(() => api.request('timeline:get', { cluster })).then((result) => {
      if (!isCurrent) return
      const early = pending.current ?? []
      pending.current = null
      const events = mergeNewestFirst(result.ok ? result.value : [], early)
      setHeld({ key, events, error: result.ok ? null : result.error })
    })
    return () => {
      isCurrent = false
    }
  }, [api, cluster, key])
  usePush('timeline:append', (event) => {
    if (event.cluster !== cluster) return
    if (pending.current) {
      pending.current.push(event)
      return
    }
    setHeld((prev) =>
      prev.key === key ? { ...prev, events: mergeNewestFirst(prev.events, [event]) } : prev,
    )
  })
  return held.key === key ? { events: held.events, error: held.error } : NOTHING
}
