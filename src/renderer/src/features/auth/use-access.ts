import { useCallback, useState } from 'react'
import type { AuthView } from '../../../../shared/auth'
import type { RequestArg, RequestChannel, ResponseMap } from '../../../../shared/contract'
import type { ErrorData } from '../../../../shared/result'
import { useApi } from '../shared/api-context'
import { settle } from '../shared/use-action'
import { useRequest } from '../shared/use-request'

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

/** Reads the cluster's auth view when shown (and while it runs), and applies changes. */
export function useAccess(cluster: string, isRunning: boolean): AccessState {
  const api = useApi()
  const [asked, setAsked] = useState(0)
  const [changed, setChanged] = useState<AuthView | null>(null)
  const status = useRequest('auth:status', { cluster }, [cluster, isRunning, asked])
  const reload = useCallback(() => {
    setChanged(null)
    setAsked((n) => n + 1)
  }, [])
  const change = useCallback(
    async <C extends AuthChannel>(channel: C, arg: RequestArg<C>) => {
      const result = await settle(() => api.request(channel, arg))
      if (!result.ok) return result.error
      setChanged(result.value)
      return null
    },
    [api],
  )
  const view = changed && changed.cluster === cluster ? changed : status.data
  return { view, error: status.error, isLoading: status.isLoading, reload, change }
}
