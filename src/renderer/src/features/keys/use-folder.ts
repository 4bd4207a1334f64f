import { useEffect, useMemo, useState } from 'react'
import type { KeyChild } from '../../../../shared/keys'
import type { ErrorData } from '../../../../shared/result'
import { useApi, useConnection } from '../shared/api-context'
import { bytesKey, fromBytesKey, requestBytes, startsWithBytes } from '../shared/bytes'
import { settle } from '../shared/use-action'
import type { KeyEventHub } from './key-event-hub'

/** The tree's separator: etcd keys are conventionally paths. */
export const KEY_SEPARATOR = '/'

/** Children per folder page. */
const FOLDER_PAGE_SIZE = 200

/** Waits this long after a change under a folder before listing it again (changes come in bursts). */
const REFRESH_DEBOUNCE_MS = 300

/** One folder of the key tree: its direct children (paged) and key count, listed only when open. */
export function useFolder(
  cluster: string,
  folderPath: Uint8Array,
  isOpen: boolean,
  hub: KeyEventHub,
) {
  const api = useApi()
  // Same bytes, same identity: a refreshed parent must not make open subfolders list again.
  const pathKey = bytesKey(folderPath)
  const path = useMemo(() => fromBytesKey(pathKey), [pathKey])
  const { epoch } = useConnection()
  const [children, setChildren] = useState<KeyChild[]>([])
  const [count, setCount] = useState<number | null>(null)
  const [next, setNext] = useState<{ key: Uint8Array; revision: string } | null>(null)
  const [error, setError] = useState<ErrorData | null>(null)
  const [version, setVersion] = useState(0)
  const [isLoaded, setLoaded] = useState(false)
  useEffect(() => {
    if (!isOpen) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const off = hub.subscribe((message) => {
      const touches =
        message.type === 'resync' || message.events.some((e) => startsWithBytes(e.key, path))
      if (!touches) return
      clearTimeout(timer)
      timer = setTimeout(() => setVersion((v) => v + 1), REFRESH_DEBOUNCE_MS)
    })
    return () => {
      clearTimeout(timer)
      off()
    }
  }, [hub, path, isOpen])
  useEffect(() => {
    if (!isOpen) return
    let isCurrent = true
    const listing = settle(() =>
      api.request('keys:children', {
        cluster,
        prefix: requestBytes(path),
        separator: KEY_SEPARATOR,
        limit: FOLDER_PAGE_SIZE,
      }),
    )
    const counting = settle(() =>
      api.request('keys:count', { cluster, prefix: requestBytes(path) }),
    )
    void Promise.all([listing, counting]).then(([list, total]) => {
      if (!isCurrent) return
      setLoaded(true)
      setError(!list.ok ? list.error : !total.ok ? total.error : null)
      if (list.ok) {
        setChildren(list.value.children)
        setNext(
          list.value.nextKey ? { key: list.value.nextKey, revision: list.value.revision } : null,
        )
      }
      if (total.ok) setCount(total.value)
    })
    return () => {
      isCurrent = false
    }
  }, [api, cluster, path, isOpen, version, epoch])
  const loadMore = async () => {
    if (!next) return
    const arg = {
      cluster,
      prefix: requestBytes(path),
      separator: KEY_SEPARATOR,
      startKey: requestBytes(next.key),
      revision: next.revision,
      limit: FOLDER_PAGE_SIZE,
    }
    const more = await settle(() => api.request('keys:children', arg))
    if (!more.ok) return setError(more.error)
    setChildren((c) => c.concat(more.value.children))
    setNext(more.value.nextKey ? { key: more.value.nextKey, revision: more.value.revision } : null)
  }
  return { children, count, hasMore: next !== null, error, isLoaded, loadMore }
}
