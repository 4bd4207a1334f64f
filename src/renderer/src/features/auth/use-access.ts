import { useCallback, useState } from 'react'
import type { AuthView } from '../../../../shared/auth'
import type { RequestArg, RequestChannel, ResponseMap } from '../../../../shared/contract'
import type { ErrorData } from '../../../../shared/result'
import { useApi } from '../shared/api-context'
import { settle } from '../shared/use-action'
import { useRequest } from '../shared/use-request'
import { useRevisionAtRest } from './use-revision-at-rest'

/** Channels whose answer is the cluster's new AuthView. */
type AuthChannel = {
  [C in RequestChannel]: ResponseMap[C] extends AuthView ? C : never
}[RequestChannel]

/** The Access tab's state: the cluster's auth view, and a runner for changes that answer a new one. */
export interface AccessState {
  view: AuthView | null
  error: ErrorData | null
  isLoading: boolean
  reload: () => void
  /** Sends a change; the answer replaces the view. Resolves to its error, or null on success. */
  change: <C extends AuthChannel>(channel: C, arg: RequestArg<C>) => Promise<ErrorData | null>
}

/** A change's answer, and the status answer it was made over (a newer status answer wins). */
interface Changed {
  view: AuthView
  over: AuthView | null
}

/**
 * Reads the cluster's auth view when shown (and while it runs), again after every change of it
 * (from any window: the engine pushes the cluster's view), and applies changes.
 */
export function useAccess(cluster: string, isRunning: boolean): AccessState {
  const api = useApi()
  const revision = useRevisionAtRest(cluster)
  const status = useRequest('auth:status', { cluster }, [cluster, isRunning, revision])
  const [changed, setChanged] = useState<Changed | null>(null)
  const current = status.data
  const change = useCallback(
    async <C extends AuthChannel>(channel: C, arg: RequestArg<C>) => {
      const result = await settle(() => api.request(channel, arg))
      if (!result.ok) return result.error
      setChanged({ view: result.value, over: current })
      return null
    },
    [api, current],
  )
  const isChangeNewest = changed?.over === current && changed.view.cluster === cluster
  const view = isChangeNewest ? changed.view : current
  return { view, error: status.error, isLoading: status.isLoading, reload: status.reload, change }
}
