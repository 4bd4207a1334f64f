import { useEffect, useEffectEvent, useState } from 'react'
import type { PushMap } from '../../../../shared/contract'
import type { KeyEvent } from '../../../../shared/keys'
import { useApi, useConnection } from '../shared/api-context'
import { encodeText, requestBytes } from '../shared/bytes'
import { settle } from '../shared/use-action'

type EventsPush = PushMap['keys:events']

/**
 * Watches a prefix from just after `revision` (the listing's snapshot, so nothing is missed) while
 * mounted; unwatches on leave. Pushes that arrive before the watch id is known are held briefly.
 */
export function useKeyWatch(
  cluster: string,
  prefixText: string,
  revision: string | null,
  onEvents: (events: readonly KeyEvent[]) => void,
  onResync: () => void,
) {
  const api = useApi()
  const { epoch } = useConnection()
  const [failure, setFailure] = useState<{ message: string; revision: string | null } | null>(null)
  const [attempt, setAttempt] = useState(0)
  const handleEvents = useEffectEvent(onEvents)
  const handleResync = useEffectEvent(onResync)
  useEffect(() => {
    if (revision === null) return
    let watchId: string | null = null
    let isClosed = false
    const early: EventsPush[] = []
    const offEvents = api.subscribe('keys:events', (push) => {
      if (push.cluster !== cluster) return
      if (watchId === null) early.push(push)
      else if (push.watchId === watchId) handleEvents(push.events)
    })
    const offResync = api.subscribe('keys:resync', (push) => {
      if (push.watchId === watchId) handleResync()
    })
    const offError = api.subscribe('keys:watch-error', (push) => {
      if (push.watchId === watchId) setFailure({ message: push.message, revision })
    })
    const fromRevision = (BigInt(revision) + 1n).toString()
    const arg = { cluster, prefix: requestBytes(encodeText(prefixText)), fromRevision }
    void settle(() => api.request('keys:watch', arg)).then((result) => {
      if (!result.ok) {
        if (!isClosed) setFailure({ message: result.error.message, revision })
        return
      }
      if (isClosed) {
        void settle(() => api.request('keys:unwatch', { watchId: result.value.watchId }))
        return
      }
      watchId = result.value.watchId
      for (const push of early.splice(0)) if (push.watchId === watchId) handleEvents(push.events)
    })
    return () => {
      isClosed = true
      offEvents()
      offResync()
      offError()
      const id = watchId
      if (id) void settle(() => api.request('keys:unwatch', { watchId: id }))
    }
  }, [api, cluster, prefixText, revision, epoch, attempt])
  // A failure belongs to the watch it came from: a new listing (new revision) clears it.
  const current = failure && failure.revision === revision ? failure.message : null
  const retry = () => {
    setFailure(null)
    setAttempt((n) => n + 1)
  }
  return { watchError: current, retry }
}
