import { useEffect, useMemo, useState } from 'react'
import type { ClusterStatus, LeaderChange } from '../../../../shared/cluster'
import { useConnection } from '../shared/api-context'
import { usePush } from '../shared/use-push'
import { useRequest } from '../shared/use-request'

/** How long a newly elected leader stays highlighted. */
const NEW_LEADER_HIGHLIGHT_MS = 8000

/** Leader changes merged without duplicates, oldest first. */
function mergeLeaderChanges(
  known: readonly LeaderChange[],
  more: readonly LeaderChange[],
): LeaderChange[] {
  const byKey = new Map<string, LeaderChange>()
  for (const change of [...known, ...more]) byKey.set(`${change.at}|${change.to}`, change)
  return [...byKey.values()].sort((a, b) => a.at.localeCompare(b.at))
}

/** The newer of two statuses (by the time they were taken); either may be missing. */
function newerStatus(a: ClusterStatus | null, b: ClusterStatus | null): ClusterStatus | null {
  if (!a || !b) return a ?? b
  return a.at > b.at ? a : b
}

/** A cluster's status: asked once (and after a reconnect), then kept current by pushes only. */
export function useClusterStatus(cluster: string) {
  const { epoch } = useConnection()
  const asked = useRequest('cluster:status', { cluster }, [cluster, epoch])
  const [pushed, setPushed] = useState<ClusterStatus | null>(null)
  const [pushedChanges, setPushedChanges] = useState<LeaderChange[]>([])
  const [newLeader, setNewLeader] = useState<string | null>(null)
  const answer = asked.data
  const status = newerStatus(answer, pushed)
  const changes = useMemo(
    () => mergeLeaderChanges(answer?.leaderChanges ?? [], pushedChanges),
    [answer, pushedChanges],
  )
  useEffect(() => {
    if (!newLeader) return
    const timer = setTimeout(() => setNewLeader(null), NEW_LEADER_HIGHLIGHT_MS)
    return () => clearTimeout(timer)
  }, [newLeader])
  usePush('status:update', (update) => {
    if (update.cluster !== cluster) return
    setPushed(update)
    setPushedChanges((prev) => mergeLeaderChanges(prev, update.leaderChanges))
  })
  usePush('leader:changed', ({ cluster: name, change }) => {
    if (name !== cluster) return
    setPushedChanges((prev) => mergeLeaderChanges(prev, [change]))
    // The first leader of a fresh start is no news; a takeover is.
    if (change.from !== null) setNewLeader(change.to)
  })
  return { status, leaderChanges: changes, newLeader }
}
