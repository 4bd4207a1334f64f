import { useCallback, useEffect, useRef, useState } from 'react'
import {
  SEARCH_RESULT_LIMITS,
  type KeySearchUpdate,
  type SearchPattern,
} from '../../../../shared/key-search'
import { useApi } from '../shared/api-context'
import { requestBytes } from '../shared/bytes'
import { settle } from '../shared/use-action'
import { usePush } from '../shared/use-push'
import {
  applyUpdate,
  IDLE_SEARCH,
  isLive,
  started,
  starting,
  type SearchView,
} from './search-state'

/** A search as the form asks for it. */
export interface SearchRequest extends SearchPattern {
  prefix: Uint8Array
  inValues: boolean
}

/** The search the window runs now: pushes of other ids are ignored. */
interface Current {
  /** Grows with each start and cancel: a late answer of an older start is recognised. */
  generation: number
  searchId: string | null
  /** Pushes that arrived before the engine's answer named the id. */
  early: KeySearchUpdate[]
  /** The engine reported the search's end: nothing to cancel. */
  hasEnded: boolean
}

/** No search started yet (or the last one forgotten). */
function noSearch(generation: number): Current {
  return { generation, searchId: null, early: [], hasEnded: false }
}

/**
 * Runs one key search at a time on a cluster: starts it, collects the pushed matches and
 * progress, cancels it (also when the view goes away or a new search starts).
 */
export function useKeySearch(cluster: string) {
  const api = useApi()
  const [view, setView] = useState<SearchView>(IDLE_SEARCH)
  const current = useRef<Current>(noSearch(0))

  usePush('keys:search-update', (update) => {
    if (update.cluster !== cluster) return
    const now = current.current
    if (now.searchId === null) now.early.push(update)
    if (update.searchId !== now.searchId) return
    if (update.state !== 'running') now.hasEnded = true
    setView((v) => applyUpdate(v, update, SEARCH_RESULT_LIMITS.max))
  })

  /** Forgets the current search; tells the engine to stop it when it may still run. */
  const stop = useCallback(() => {
    const now = current.current
    const id = now.searchId
    current.current = noSearch(now.generation + 1)
    if (id && !now.hasEnded) void settle(() => api.request('keys:search-cancel', { searchId: id }))
  }, [api])

  const start = useCallback(
    async (request: SearchRequest) => {
      stop()
      const generation = current.current.generation
      setView(starting())
      const { prefix, ...rest } = request
      const result = await settle(() =>
        api.request('keys:search', { cluster, prefix: requestBytes(prefix), ...rest }),
      )
      const now = current.current
      if (now.generation !== generation) {
        // Cancelled (or replaced) before the engine answered: stop what it started.
        if (result.ok) {
          const searchId = result.value.searchId
          void settle(() => api.request('keys:search-cancel', { searchId }))
        }
        return
      }
      if (!result.ok) {
        setView({ ...IDLE_SEARCH, state: 'failed', error: result.error })
        return
      }
      const { searchId, revision } = result.value
      now.searchId = searchId
      const early = now.early.splice(0).filter((u) => u.searchId === searchId)
      now.hasEnded = early.some((u) => u.state !== 'running')
      setView((v) =>
        early.reduce(
          (acc, u) => applyUpdate(acc, u, SEARCH_RESULT_LIMITS.max),
          started(v, searchId, revision),
        ),
      )
    },
    [api, cluster, stop],
  )

  const cancel = useCallback(() => {
    stop()
    setView((v) => (isLive(v) ? { ...v, state: 'cancelled' } : v))
  }, [stop])

  // A search never outlives its view (a tab switch, another cluster).
  useEffect(() => () => void stop(), [stop, cluster])
  return { view, start, cancel }
}
