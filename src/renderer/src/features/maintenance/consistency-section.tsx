import { useTranslation } from '../../i18n'
import { useId, useState } from 'react'
import type { HashKvReport } from '../../../../shared/maintenance'
import { hashKvCommand } from '../../../../shared/maintenance-commands'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { useAction } from '../shared/use-action'
import { CommandTwin } from './command-twin'
import type { Twins } from './use-twins'

/** Every member's hash of the keyspace at one revision: equal hashes, same data. */
export function ConsistencySection(props: { cluster: string; twins: Twins | null }) {
  const api = useApi()
  const ids = useId()
  const { t } = useTranslation('maintenance')
  const [report, setReport] = useState<HashKvReport | null>(null)
  const check = useAction(() => api.request('maintenance:hashkv', { cluster: props.cluster }))
  const run = async () => {
    const result = await check.run()
    if (result.ok) setReport(result.value)
  }
  return (
    <section className="maintenance-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('consistency.title')}</h3>
      <p className="muted">{t('consistency.about')}</p>
      <div className="button-row">
        <BusyButton isBusy={check.isBusy} onClick={() => void run()}>
          {t('consistency.check')}
        </BusyButton>
      </div>
      {check.error && (
        <ErrorMessage
          error={check.error}
          context={t('consistency.failed')}
          onDismiss={check.clearError}
        />
      )}
      {report && (
        <>
          <p role="status" className={report.isConsistent ? undefined : 'field__issue'}>
            {report.isConsistent
              ? t('consistency.same', {
                  count: report.members.length,
                  revision: report.revision,
                })
              : t('consistency.differ', { revision: report.revision })}
          </p>
          <div className="table-scroll">
            <table className="port-table" aria-label={t('consistency.table')}>
              <thead>
                <tr>
                  <th scope="col">{t('consistency.member')}</th>
                  <th scope="col">{t('consistency.hash')}</th>
                  <th scope="col">{t('consistency.compacted')}</th>
                </tr>
              </thead>
              <tbody>
                {report.members.map((m) => (
                  <tr key={m.member}>
                    <th scope="row">{m.member}</th>
                    <td className="mono">
                      {m.hash ?? <span className="field__issue">{m.error}</span>}
                    </td>
                    <td className="mono">{m.compactRevision ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {props.twins && (
        <CommandTwin title={t('twin.same')} commands={[hashKvCommand(props.twins.ctx)]} />
      )}
    </section>
  )
}
