import { useState } from 'react'
import type { ErrorData } from '../../../../shared/result'

/** Busy and error state around one kind of Access change; `run` answers true on success. */
export function useChange() {
  const [isBusy, setBusy] = useState(false)
  const [error, setError] = useState<ErrorData | null>(null)
  const run = async (send: () => Promise<ErrorData | null>): Promise<boolean> => {
    setBusy(true)
    setError(null)
    const failure = await send()
    setBusy(false)
    setError(failure)
    return failure === null
  }
  return { run, isBusy, error, clearError: () => setError(null) }
}
