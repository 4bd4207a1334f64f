import { Trans, useTranslation } from '../../i18n'
import { useId } from 'react'
import { alarmCommand } from '../../../../shared/maintenance-commands'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { useAction } from '../shared/use-action'
import { CommandTwin } from './command-twin'
import type { AlarmsState } from './use-alarms'
import type { Twins } from './use-twins'

/** Every member's active alarms (NOSPACE, CORRUPT), and Disarm. */
export function AlarmsSection(props: {
  cluster: string
  alarms: AlarmsState
  twins: Twins | null
}) {
  const { alarms } = props
  const api = useApi()
  const ids = useId()
  const { t } = useTranslation('maintenance')
  const disarm = useAction(() => api.request('maintenance:disarm', { cluster: props.cluster }))
  const onDisarm = async () => {
    await disarm.run()
    alarms.reload()
  }
  const active = alarms.alarms ?? []
  return (
    <section className="maintenance-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('alarms.title')}</h3>
      <p className="muted">{t('alarms.about')}</p>
      {alarms.error && (
        <ErrorMessage
          error={alarms.error}
          context={t('alarms.listFailed')}
          onRetry={alarms.reload}
        />
      )}
      {alarms.alarms === null && !alarms.error ? (
        <p className="muted" role="status">
          {t('alarms.reading')}
        </p>
      ) : active.length === 0 ? (
        <p role="status">{t('alarms.none')}</p>
      ) : (
        <ul className="alarm-list" aria-label={t('alarms.label')}>
          {active.map((a) => (
            <li key={`${a.memberId}/${a.alarm}`}>
              <Trans
                t={t}
                i18nKey="alarms.on"
                values={{ alarm: a.alarm, member: a.member }}
                components={{ tag: <span className="tag tag--alarm" /> }}
              />{' '}
              <span className="muted mono">({a.memberId})</span>
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" onClick={alarms.reload} disabled={alarms.isLoading}>
          {t('alarms.refresh')}
        </button>
        <BusyButton
          isBusy={disarm.isBusy}
          disabled={active.length === 0}
          onClick={() => void onDisarm()}
        >
          {t('alarms.disarm')}
        </BusyButton>
      </div>
      {disarm.error && (
        <ErrorMessage
          error={disarm.error}
          context={t('alarms.disarmFailed')}
          onDismiss={disarm.clearError}
        />
      )}
      {props.twins && (
        <CommandTwin
          title={t('twin.same')}
          commands={[
            alarmCommand(props.twins.ctx, 'list'),
            alarmCommand(props.twins.ctx, 'disarm'),
          ]}
        />
      )}
    </section>
  )
}
