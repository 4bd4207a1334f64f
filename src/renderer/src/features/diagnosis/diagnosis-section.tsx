import { useId } from 'react'
import { useTranslation } from '../../i18n'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { DiagnosisProgressBar } from './diagnosis-progress'
import { DiagnosisSaved } from './diagnosis-saved'
import { useDiagnosis } from './use-diagnosis'

/**
 * "Save diagnosis": one archive of the cluster for a bug report (README "Diagnosis bundle").
 * Works on a stopped cluster too; shows each step while it collects, then where it was saved
 * (the app's save dialog) or a download link (browser mode).
 */
export function DiagnosisSection(props: { cluster: string }) {
  const ids = useId()
  const { t } = useTranslation('diagnosis')
  const { state, save, dismiss } = useDiagnosis(props.cluster)
  const isRunning = state.kind === 'running'
  return (
    <section className="maintenance-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('title')}</h3>
      <p className="muted">
        {t('intro')} {t('privacy')}
      </p>
      <div className="toolbar">
        <BusyButton isBusy={isRunning} onClick={() => void save()}>
          {t('save')}
        </BusyButton>
      </div>
      {state.kind === 'running' && <DiagnosisProgressBar progress={state.progress} />}
      {state.kind === 'saved' && <DiagnosisSaved report={state.report} />}
      {state.kind === 'cancelled' && <p role="status">{t('cancelled')}</p>}
      {state.kind === 'failed' && (
        <ErrorMessage error={state.error} context={t('errorContext')} onDismiss={dismiss} />
      )}
    </section>
  )
}
