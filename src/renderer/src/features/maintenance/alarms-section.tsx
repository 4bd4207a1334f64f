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
  const disarm = useAction(() => api.request('maintenance:disarm', { cluster: props.cluster }))
  const onDisarm = async () => {
    await disarm.run()
    alarms.reload()
  }
  const active = alarms.alarms ?? []
  return (
    <section className="maintenance-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Alarms</h3>
      <p className="muted">
        A member raises NOSPACE when its database passes the space quota; the whole cluster then
        accepts only reads and deletes until the alarm is disarmed.
      </p>
      {alarms.error && (
        <ErrorMessage
          error={alarms.error}
          context="Could not list the alarms"
          onRetry={alarms.reload}
        />
      )}
      {alarms.alarms === null && !alarms.error ? (
        <p className="muted" role="status">
          Reading alarms…
        </p>
      ) : active.length === 0 ? (
        <p role="status">No active alarm.</p>
      ) : (
        <ul className="alarm-list" aria-label="Active alarms">
          {active.map((a) => (
            <li key={`${a.memberId}/${a.alarm}`}>
              <span className="tag tag--alarm">{a.alarm}</span> on {a.member}{' '}
              <span className="muted mono">({a.memberId})</span>
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" onClick={alarms.reload} disabled={alarms.isLoading}>
          Refresh alarms
        </button>
        <BusyButton
          isBusy={disarm.isBusy}
          disabled={active.length === 0}
          onClick={() => void onDisarm()}
        >
          Disarm alarms
        </BusyButton>
      </div>
      {disarm.error && (
        <ErrorMessage
          error={disarm.error}
          context="Could not disarm"
          onDismiss={disarm.clearError}
        />
      )}
      {props.twins && (
        <CommandTwin
          title="The same with etcdctl"
          commands={[
            alarmCommand(props.twins.ctx, 'list'),
            alarmCommand(props.twins.ctx, 'disarm'),
          ]}
        />
      )}
    </section>
  )
}
