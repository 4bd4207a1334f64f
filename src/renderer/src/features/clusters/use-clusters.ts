import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ClusterView } from '../../../../shared/cluster'
import type { ErrorData } from '../../../../shared/result'
import { useApi, useConnection } from '../shared/api-context'
import { settle } from '../shared/use-action'
import { usePush } from '../shared/use-push'
import {
  acceptList,
  acceptRemoval,
  acceptView,
  clustersOf,
  EMPTY_CLUSTER_STORE,
} from './cluster-store'

/**
 * The clusters as the engine reports them: listed once (and after a reconnect), then pushed.
 * Every view, pushed or answered (`update`), goes through the store, which keeps the one with the
 * highest revision: an action's late answer never overwrites a newer push.
 */
export function useClusters() {
  const api = useApi()
  const { epoch } = useConnection()
  const [store, setStore] = useState(EMPTY_CLUSTER_STORE)
  const [isLoaded, setLoaded] = useState(false)
  const [error, setError] = useState<ErrorData | null>(null)
  const [attempt, setAttempt] = useState(0)
  // The window's clock of arrivals: a list answer keeps what arrived after it was asked for.
  const clock = useRef(0)
  useEffect(() => {
    let isCurrent = true
    const sentAt = ++clock.current
    void settle(() => api.request('clusters:list', {})).then((result) => {
      if (!isCurrent) return
      setLoaded(true)
      if (result.ok) {
        const at = ++clock.current
        setStore((s) => acceptList(s, result.value, sentAt, at))
        setError(null)
      } else setError(result.error)
    })
    return () => {
      isCurrent = false
    }
  }, [api, epoch, attempt])
  const update = useCallback((view: ClusterView) => {
    const at = ++clock.current
    setStore((s) => acceptView(s, view, at))
  }, [])
  const remove = useCallback((name: string, revision?: number) => {
    const at = ++clock.current
    setStore((s) => acceptRemoval(s, name, at, revision))
  }, [])
  usePush('cluster:changed', update)
  usePush('cluster:removed', ({ cluster, revision }) => remove(cluster, revision))
  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  const clusters = useMemo(() => clustersOf(store), [store])
  return { clusters, isLoaded, error, update, remove, reload }
}
