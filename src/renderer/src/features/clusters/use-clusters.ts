import { useCallback, useEffect, useState } from 'react'
import type { ClusterView } from '../../../../shared/cluster'
import type { ErrorData } from '../../../../shared/result'
import { useApi, useConnection } from '../shared/api-context'
import { settle } from '../shared/use-action'
import { usePush } from '../shared/use-push'

/** Replaces a cluster in a list (or adds it), keeping the list sorted by name. */
export function upsertCluster(list: readonly ClusterView[], view: ClusterView): ClusterView[] {
  const name = view.definition.name
  const rest = list.filter((c) => c.definition.name !== name)
  return [...rest, view].sort((a, b) => a.definition.name.localeCompare(b.definition.name))
}

/** The clusters as the engine reports them: listed once (and after a reconnect), then pushed. */
export function useClusters() {
  const api = useApi()
  const { epoch } = useConnection()
  const [clusters, setClusters] = useState<ClusterView[]>([])
  const [isLoaded, setLoaded] = useState(false)
  const [error, setError] = useState<ErrorData | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let isCurrent = true
    void settle(() => api.request('clusters:list', {})).then((result) => {
      if (!isCurrent) return
      setLoaded(true)
      if (result.ok) {
        setClusters(result.value)
        setError(null)
      } else setError(result.error)
    })
    return () => {
      isCurrent = false
    }
  }, [api, epoch, attempt])
  usePush('cluster:changed', (view) => setClusters((list) => upsertCluster(list, view)))
  usePush('cluster:removed', ({ cluster }) =>
    setClusters((list) => list.filter((c) => c.definition.name !== cluster)),
  )
  const update = useCallback((view: ClusterView) => setClusters((l) => upsertCluster(l, view)), [])
  const remove = useCallback(
    (name: string) => setClusters((l) => l.filter((c) => c.definition.name !== name)),
    [],
  )
  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { clusters, isLoaded, error, update, remove, reload }
}
