import { useCallback, useEffect, useRef, useState } from 'react'
import type { KeyHistoryPage, KeyVersion } from '../../../../shared/key-history'
import type { ErrorData } from '../../../../shared/result'
import { useApi, useConnection } from '../shared/api-context'
import { bytesKey, fromBytesKey, requestBytes } from '../shared/bytes'
import { settle } from '../shared/use-action'

/** Versions per page of the history dialog (a screenful; "Load older versions" reads more). */
const HISTORY_PAGE_SIZE = 20

/** A key's history as the dialog shows it: the pages read so far, newest version first. */
export interface KeyHistoryState {
  versions: KeyVersion[]
  createRevision: string | null
  /** Where the next (older) page starts, or null when the history is complete (or compacted). */
  nextRevision: string | null
  compacted: KeyHistoryPage['compacted']
  error: ErrorData | null
  isLoading: boolean
  isLoadingMore: boolean
  loadMore: () => void
  reload: () => void
}

interface Loaded {
  /** The request these pages answer; another one means they are being read again. */
  requestKey: string | null
  pages: KeyHistoryPage[]
  error: ErrorData | null
}

/** Reads a key's history a page at a time; an answer for an older reload is dropped. */
export function useKeyHistory(cluster: string, key: Uint8Array): KeyHistoryState {
  const api = useApi()
  const { epoch } = useConnection()
  const [loaded, setLoaded] = useState<Loaded>({ requestKey: null, pages: [], error: null })
  const [isLoadingMore, setLoadingMore] = useState(false)
  const [attempt, setAttempt] = useState(0)
  const generation = useRef(0)
  // Why the hex form: a dependency compared by value, so an equal key is not read again.
  const keyHex = bytesKey(key)
  const requestKey = `${cluster}\n${keyHex}\n${epoch}\n${attempt}`
  const ask = useCallback(
    (revision?: string) =>
      settle(() =>
        api.request('keys:history', {
          cluster,
          key: requestBytes(fromBytesKey(keyHex)),
          limit: HISTORY_PAGE_SIZE,
          ...(revision === undefined ? {} : { revision }),
        }),
      ),
    [api, cluster, keyHex],
  )
  useEffect(() => {
    const current = ++generation.current
    void ask().then((r) => {
      if (generation.current !== current) return
      setLoaded({ requestKey, pages: r.ok ? [r.value] : [], error: r.ok ? null : r.error })
    })
  }, [ask, requestKey])
  const last = loaded.pages.at(-1) ?? null
  const nextRevision = last?.nextRevision ?? null
  const loadMore = useCallback(async () => {
    if (nextRevision === null || isLoadingMore) return
    const current = generation.current
    setLoadingMore(true)
    const r = await ask(nextRevision)
    setLoadingMore(false)
    if (generation.current !== current) return
    setLoaded((s) => (r.ok ? { ...s, pages: [...s.pages, r.value] } : { ...s, error: r.error }))
  }, [ask, nextRevision, isLoadingMore])
  return {
    versions: loaded.pages.flatMap((p) => p.versions),
    createRevision: loaded.pages[0]?.createRevision ?? null,
    nextRevision,
    compacted: last?.compacted ?? null,
    error: loaded.error,
    isLoading: loaded.requestKey !== requestKey,
    isLoadingMore,
    loadMore: () => void loadMore(),
    reload: useCallback(() => setAttempt((n) => n + 1), []),
  }
}
