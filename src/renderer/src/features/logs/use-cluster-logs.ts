import { useEffect, useRef, useState } from 'react'
import type { LogLine } from '../../../../shared/logs'
import type { ErrorData } from '../../../../shared/result'
import { useApi, useConnection } from '../shared/api-context'
import { settle } from '../shared/use-action'
import { usePush } from '../shared/use-push'
import { appendCapped, MAX_LOG_LINES, mergeByTime, takeUnseen } from './log-buffer'

/** Lines asked per member at first: the engine's buffer, capped by the contract (10,000). */
const INITIAL_LINES_PER_MEMBER = 10_000

/**
 * A cluster's log lines: each member's buffer fetched once (and afresh after a reconnect: the
 * engine may have restarted, so old sequence numbers mean nothing), then `logs:append` batches.
 * Pushes arriving during the fetch wait and are de-duplicated by sequence number.
 */
export function useClusterLogs(cluster: string, members: readonly string[], cap = MAX_LOG_LINES) {
  const api = useApi()
  const { epoch } = useConnection()
  const [lines, setLines] = useState<LogLine[]>([])
  const [error, setError] = useState<ErrorData | null>(null)
  const lastSeq = useRef(new Map<string, number>())
  const waiting = useRef<LogLine[] | null>([])
  const memberKey = members.join('\n')
  useEffect(() => {
    let isCurrent = true
    waiting.current = []
    const names = memberKey.split('\n').filter(Boolean)
    const fetchAll = names.map((member) =>
      settle(() => api.request('logs:get', { cluster, member, limit: INITIAL_LINES_PER_MEMBER })),
    )
    void Promise.all(fetchAll).then((results) => {
      if (!isCurrent) return
      const failed = results.find((r) => !r.ok)
      setError(failed && !failed.ok ? failed.error : null)
      const fetched = mergeByTime(results.map((r) => (r.ok ? r.value : [])))
      lastSeq.current = new Map()
      const fresh = takeUnseen(fetched.concat(waiting.current ?? []), lastSeq.current)
      waiting.current = null
      setLines(appendCapped([], fresh, cap))
    })
    return () => {
      isCurrent = false
    }
  }, [api, cluster, memberKey, epoch, cap])
  usePush('logs:append', (batch) => {
    if (batch.cluster !== cluster) return
    if (waiting.current) {
      waiting.current.push(...batch.lines)
      return
    }
    const fresh = takeUnseen(batch.lines, lastSeq.current)
    setLines((prev) => appendCapped(prev, fresh, cap))
  })
  return { lines, error }
}
