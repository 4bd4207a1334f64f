import { useCallback, useState } from 'react'
import type { RequestChannel, RequestArg, ResponseMap } from '../../../../shared/contract'
import type { ErrorData } from '../../../../shared/result'
import type { TransferProgress } from '../../../../shared/transfer'
import { useApi } from '../shared/api-context'
import { settle } from '../shared/use-action'
import { usePush } from '../shared/use-push'

/** The transfer channels that take a window-made transferId and push progress. */
type TransferChannel = 'transfer:export' | 'transfer:preview' | 'transfer:import'

/** One kind of transfer as a screen holds it: running (with progress), its error, Cancel. */
export interface Transfer<C extends TransferChannel> {
  /** Starts it with a fresh transferId; answers the value, or null on failure (see error). */
  start: (arg: Omit<RequestArg<C>, 'transferId'>) => Promise<ResponseMap[C] | null>
  isRunning: boolean
  progress: TransferProgress | null
  error: ErrorData | null
  clearError: () => void
  cancel: () => void
}

/**
 * Runs an export, preview or import: the window makes its id (so Cancel works before the answer
 * arrives) and shows only the progress pushes of that id.
 */
export function useTransfer<C extends TransferChannel & RequestChannel>(channel: C): Transfer<C> {
  const api = useApi()
  const [running, setRunning] = useState<string | null>(null)
  const [progress, setProgress] = useState<TransferProgress | null>(null)
  const [error, setError] = useState<ErrorData | null>(null)
  usePush('transfer:progress', (p) => {
    if (p.transferId === running) setProgress(p)
  })
  const start = useCallback(
    async (arg: Omit<RequestArg<C>, 'transferId'>) => {
      const transferId = crypto.randomUUID()
      setRunning(transferId)
      setProgress(null)
      setError(null)
      const full = { ...arg, transferId } as RequestArg<C>
      const result = await settle(() => api.request(channel, full))
      setRunning(null)
      if (!result.ok) {
        setError(result.error)
        return null
      }
      return result.value
    },
    [api, channel],
  )
  const cancel = useCallback(() => {
    if (running) void settle(() => api.request('transfer:cancel', { transferId: running }))
  }, [api, running])
  const clearError = useCallback(() => setError(null), [])
  return { start, isRunning: running !== null, progress, error, clearError, cancel }
}
