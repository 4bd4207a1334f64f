import { useTranslation } from '../../i18n'
import { useId, useState } from 'react'
import type { DefragReport } from '../../../../shared/maintenance'
import { defragCommands } from '../../../../shared/maintenance-commands'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { useAction } from '../shared/use-action'
import { CommandTwin } from './command-twin'
import { DefragReportTable } from './defrag-report'
import type { Twins } from './use-twins'

/** Defragment every member, followers first and the leader last, and show what it gave back. */
export function DefragmentSection(props: { cluster: string; twins: Twins | null }) {
  const api = useApi()
  const ids = useId()
  const { t } = useTranslation('maintenance')
  const defrag = useAction(() => api.request('maintenance:defragment', { cluster: props.cluster }))
  const [report, setReport] = useState<DefragReport | null>(null)
  const run = async () => {
    const result = await defrag.run()
    if (result.ok) setReport(result.value)
  }
  return (
    <section className="maintenance-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('defrag.title')}</h3>
      <p className="muted">{t('defrag.about')}</p>
      <div className="button-row">
        <BusyButton isBusy={defrag.isBusy} onClick={() => void run()}>
          {t('defrag.run')}
        </BusyButton>
      </div>
      {defrag.error && (
        <ErrorMessage
          error={defrag.error}
          context={t('defrag.failed')}
          onDismiss={defrag.clearError}
        />
      )}
      {report && <DefragReportTable report={report} />}
      {props.twins && (
        <CommandTwin title={t('twin.sameOrder')} commands={defragCommands(props.twins.ctx)} />
      )}
    </section>
  )
}
