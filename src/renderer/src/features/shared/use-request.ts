import { useCallback, useEffect, useEffectEvent, useState } from 'react'
import type { RequestArg, RequestChannel, ResponseMap } from '../../../../shared/contract'
import type { ErrorData } from '../../../../shared/result'
import { useApi } from './api-context'
import { settle } from './use-action'

/** A value a request depends on: plain values, so a change is seen by comparing them. */
export type RequestDep = string | number | boolean | null | undefined

/** What a request hook holds for a screen. */
export interface RequestState<T> {
  /** The value of the last successful answer (kept while asking again), or null. */
  data: T | null
  /** The error of the last answer, or null when it succeeded (or none came yet). */
  error: ErrorData | null
  /** True until the answer for the current arguments (and the last reload) arrived. */
  isLoading: boolean
  /** Asks again; the answer replaces the data or sets the error. */
  reload: () => void
}

interface Answered<T> {
  key: string | null
  data: T | null
  error: ErrorData | null
}

/**
 * Asks `channel` with `arg` on mount and again whenever one of `deps` changes (or `reload` is
 * called); `arg: null` asks nothing (yet). An answer that arrives after unmount, after `deps`
 * changed or after a newer reload is ignored, so a slow old answer never replaces a newer one.
 */
export function useRequest<C extends RequestChannel>(
  channel: C,
  arg: RequestArg<C> | null,
  deps: readonly RequestDep[],
): RequestState<ResponseMap[C]> {
  const api = useApi()
  const [reloads, setReloads] = useState(0)
  const [answered, setAnswered] = useState<Answered<ResponseMap[C]>>({
    key: null,
    data: null,
    error: null,
  })
  // Why a string: deps are plain values, so equal text means the same request (no stale closures).
  const key = JSON.stringify([channel, reloads, ...deps])
  const isSkipped = arg === null
  const ask = useEffectEvent(() => (arg === null ? null : settle(() => api.request(channel, arg))))
  useEffect(() => {
    const asking = ask()
    if (!asking) return
    let isCurrent = true
    void asking.then((result) =>
      isCurrent
        ? setAnswered((prev) => ({
            key,
            data: result.ok ? result.value : prev.data,
            error: result.ok ? null : result.error,
          }))
        : undefined,
    )
    return () => {
      isCurrent = false
    }
  }, [api, key, isSkipped])
  const reload = useCallback(() => setReloads((n) => n + 1), [])
  return {
    data: answered.data,
    error: answered.error,
    isLoading: !isSkipped && answered.key !== key,
    reload,
  }
}
