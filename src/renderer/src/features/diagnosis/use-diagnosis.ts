import { useCallback, useState } from 'react'
import type { DiagnosisProgress, DiagnosisReport } from '../../../../shared/diagnosis'
import type { ErrorData } from '../../../../shared/result'
import { useApi } from '../shared/api-context'
import { settle } from '../shared/use-action'
import { usePush } from '../shared/use-push'

/** What "Save diagnosis" shows: running with its progress, then the report, cancelled or failed. */
export type DiagnosisState =
  | { kind: 'idle' }
  | { kind: 'running'; diagnosisId: string; progress: DiagnosisProgress | null }
  | { kind: 'saved'; report: DiagnosisReport }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: ErrorData }

/**
 * Runs "Save diagnosis" of one cluster: the window makes the id, so it shows only the progress
 * pushes of its own run (another window may save a bundle meanwhile).
 */
export function useDiagnosis(cluster: string) {
  const api = useApi()
  const [state, setState] = useState<DiagnosisState>({ kind: 'idle' })
  usePush('diagnosis:progress', (progress) => {
    setState((now) =>
      now.kind === 'running' && now.diagnosisId === progress.diagnosisId
        ? { ...now, progress }
        : now,
    )
  })
  const save = useCallback(async () => {
    const diagnosisId = crypto.randomUUID()
    setState({ kind: 'running', diagnosisId, progress: null })
    const result = await settle(() => api.request('cluster:diagnosis', { cluster, diagnosisId }))
    if (!result.ok) setState({ kind: 'failed', error: result.error })
    else if (result.value === null) setState({ kind: 'cancelled' })
    else setState({ kind: 'saved', report: result.value })
  }, [api, cluster])
  const dismiss = useCallback(() => setState({ kind: 'idle' }), [])
  return { state, save, dismiss }
}
