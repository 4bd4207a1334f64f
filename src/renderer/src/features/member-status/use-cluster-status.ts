import { useEffect, useState } from 'react'
import type { ClusterStatus, LeaderChange } from '../../../../shared/cluster'
import { useApi, useConnection } from '../shared/api-context'
import { settle } from '../shared/use-action'
import { usePush } from '../shared/use-push'

/** How long a newly elected leader stays highlighted. */
const NEW_LEADER_HIGHLIGHT_MS = 8000

/** Leader changes merged without duplicates, oldest first. */
export function mergeLeaderChanges(
  known: readonly LeaderChange[],
  more: readonly LeaderChange[],
): LeaderChange[] {
  const byKey = new Map<string, LeaderChange>()
  for (const change of [...known, ...more]) byKey.set(`${change.at}|${change.to}`, change)
  return [...byKey.values()].sort((a, b) => a.at.localeCompare(b.at))
}

/** A cluster's status: asked once (and after a reconnect), then kept current by pushes only. */
export function useClusterStatus(cluster: string) {
  const api = useApi()
  const { epoch } = useConnection()
  const [status, setStatus] = useState<ClusterStatus | null>(null)
  const [changes, setChanges] = useState<LeaderChange[]>([])
  const [newLeader, setNewLeader] = useState<string | null>(null)
  useEffect(() => {
    let isCurrent = true
    void settle(() => api.request('cluster:status', { cluster })).then((result) => {
      if (!isCurrent || !result.ok || !result.value) return
      const value = result.value
      setStatus((prev) => (prev && prev.at > value.at ? prev : value))
      setChanges((prev) => mergeLeaderChanges(prev, value.leaderChanges))
    })
    return () => {
      isCurrent = false
    }
  }, [api, cluster, epoch])
  useEffect(() => {
    if (!newLeader) return
    const timer = setTimeout(() => setNewLeader(null), NEW_LEADER_HIGHLIGHT_MS)
    return () => clearTimeout(timer)
  }, [newLeader])
  usePush('status:update', (update) => {
    if (update.cluster !== cluster) return
    setStatus(update)
    setChanges((prev) => mergeLeaderChanges(prev, update.leaderChanges))
  })
  usePush('leader:changed', ({ cluster: name, change }) => {
    if (name !== cluster) return
    setChanges((prev) => mergeLeaderChanges(prev, [change]))
    // The first leader of a fresh start is no news; a takeover is.
    if (change.from !== null) setNewLeader(change.to)
  })
  return { status, leaderChanges: changes, newLeader }
}
