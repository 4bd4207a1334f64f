import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import type { ErrorData, Result } from '../../../../shared/result'

/** A request's outcome, also when the transport itself threw (connection lost). */
export async function settle<T>(request: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await request()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, error: { code: 'DISCONNECTED', message } }
  }
}

/** Busy and error state around one kind of request; `run` never throws. */
export interface Action<A extends unknown[], T> {
  run: (...args: A) => Promise<Result<T>>
  isBusy: boolean
  error: ErrorData | null
  clearError: () => void
}

/** Wraps a request so a component can show a busy state and the error of its last run. */
export function useAction<A extends unknown[], T>(
  request: (...args: A) => Promise<Result<T>>,
): Action<A, T> {
  const [busyCount, setBusyCount] = useState(0)
  const [error, setError] = useState<ErrorData | null>(null)
  const latest = useRef(request)
  useLayoutEffect(() => {
    latest.current = request
  })
  const run = useCallback(async (...args: A) => {
    setBusyCount((n) => n + 1)
    setError(null)
    const result = await settle(() => latest.current(...args))
    setBusyCount((n) => n - 1)
    if (!result.ok) setError(result.error)
    return result
  }, [])
  const clearError = useCallback(() => setError(null), [])
  return { run, isBusy: busyCount > 0, error, clearError }
}
