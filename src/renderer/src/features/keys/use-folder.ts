import { useEffect, useMemo, useState } from 'react'
import type { ChildPage, KeyChild } from '../../../../shared/keys'
import type { ErrorData } from '../../../../shared/result'
import { useApi, useConnection } from '../shared/api-context'
import { bytesKey, fromBytesKey, requestBytes, startsWithBytes } from '../shared/bytes'
import { settle } from '../shared/use-action'
import { useRequest } from '../shared/use-request'
import type { KeyEventHub } from './key-event-hub'

/** The tree's separator: etcd keys are conventionally paths. */
export const KEY_SEPARATOR = '/'

/** Children per folder page. */
const FOLDER_PAGE_SIZE = 200

/** Waits this long after a change under a folder before listing it again (changes come in bursts). */
const REFRESH_DEBOUNCE_MS = 300

/** Pages loaded after the first, for the first page they continue (a refresh drops them). */
interface MorePages {
  after: ChildPage
  children: KeyChild[]
  next: PageStart | null
  error: ErrorData | null
}

interface PageStart {
  key: Uint8Array
  revision: string
}

function nextOf(page: ChildPage): PageStart | null {
  return page.nextKey ? { key: page.nextKey, revision: page.revision } : null
}

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
  const [version, setVersion] = useState(0)
  const [more, setMore] = useState<MorePages | null>(null)
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
  const deps = [cluster, pathKey, version, epoch]
  const prefix = requestBytes(path)
  const listing = useRequest(
    'keys:children',
    isOpen ? { cluster, prefix, separator: KEY_SEPARATOR, limit: FOLDER_PAGE_SIZE } : null,
    deps,
  )
  const counting = useRequest('keys:count', isOpen ? { cluster, prefix } : null, deps)
  const first = listing.data
  const extra = first && more?.after === first ? more : null
  const next = extra ? extra.next : first && nextOf(first)
  const loadMore = async () => {
    if (!first || !next) return
    const arg = {
      cluster,
      prefix: requestBytes(path),
      separator: KEY_SEPARATOR,
      startKey: requestBytes(next.key),
      revision: next.revision,
      limit: FOLDER_PAGE_SIZE,
    }
    const page = await settle(() => api.request('keys:children', arg))
    setMore((prev) => {
      const base = prev?.after === first ? prev : { after: first, children: [], next, error: null }
      if (!page.ok) return { ...base, error: page.error }
      const children = base.children.concat(page.value.children)
      return { after: first, children, next: nextOf(page.value), error: null }
    })
  }
  return {
    children: first ? first.children.concat(extra?.children ?? []) : [],
    count: counting.data,
    hasMore: next !== null,
    error: extra?.error ?? listing.error ?? counting.error,
    isLoaded: first !== null || listing.error !== null,
    loadMore,
  }
}
