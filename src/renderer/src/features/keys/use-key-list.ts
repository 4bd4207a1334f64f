import { useCallback, useEffect, useRef, useState } from 'react'
import type { KeyEvent } from '../../../../shared/keys'
import type { ErrorData } from '../../../../shared/result'
import { useApi, useConnection } from '../shared/api-context'
import { encodeText, requestBytes } from '../shared/bytes'
import { settle } from '../shared/use-action'
import {
  applyKeyEvents,
  EMPTY_KEY_LIST,
  firstPage,
  nextPage,
  withCount,
  type KeyListState,
} from './key-page-state'

/** Keys per page: many screens of rows, small enough to arrive fast from any keyspace. */
export const KEY_PAGE_SIZE = 200

/** The flat key list of a prefix, one page at a time (never the whole keyspace). */
export function useKeyList(cluster: string, prefixText: string) {
  const api = useApi()
  const { epoch } = useConnection()
  const [state, setState] = useState<KeyListState>(EMPTY_KEY_LIST)
  const [loadedFor, setLoadedFor] = useState<string | null>(null)
  const [isLoadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<ErrorData | null>(null)
  const [attempt, setAttempt] = useState(0)
  const generation = useRef(0)
  // Derived: loading until the answer for exactly these inputs arrived (no stale page shown).
  const requestKey = `${cluster}\n${prefixText}\n${epoch}\n${attempt}`
  const isLoading = loadedFor !== requestKey
  useEffect(() => {
    const current = ++generation.current
    const prefix = requestBytes(encodeText(prefixText))
    void settle(() => api.request('keys:list', { cluster, prefix, limit: KEY_PAGE_SIZE })).then(
      (r) => {
        if (generation.current !== current) return
        setLoadedFor(requestKey)
        setError(r.ok ? null : r.error)
        setState(r.ok ? firstPage(r.value) : EMPTY_KEY_LIST)
        // A fast first page comes without its count: count after the rows are on screen.
        if (r.ok && r.value.count === null) {
          void settle(() => api.request('keys:count', { cluster, prefix })).then((c) => {
            if (generation.current === current && c.ok) setState((s) => withCount(s, c.value))
          })
        }
      },
    )
  }, [api, cluster, prefixText, requestKey])

  const loadMore = useCallback(async () => {
    if (!state.nextKey || !state.revision || isLoadingMore) return
    const current = generation.current
    setLoadingMore(true)
    const arg = {
      cluster,
      prefix: requestBytes(encodeText(prefixText)),
      startKey: requestBytes(state.nextKey),
      revision: state.revision,
      limit: KEY_PAGE_SIZE,
    }
    const r = await settle(() => api.request('keys:list', arg))
    setLoadingMore(false)
    if (generation.current !== current) return
    if (r.ok) setState((s) => nextPage(s, r.value))
    else setError(r.error)
  }, [api, cluster, prefixText, state.nextKey, state.revision, isLoadingMore])

  const applyEvents = useCallback(
    (events: readonly KeyEvent[]) =>
      setState((s) => applyKeyEvents(s, encodeText(prefixText), events)),
    [prefixText],
  )
  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { ...state, isLoading, isLoadingMore, error, loadMore, applyEvents, reload }
}
