import { useTranslation } from '../../i18n'
import { useEngineWords } from '../../i18n/engine-words'
import type { ClusterOperation, MemberView } from '../../../../shared/cluster'
import { blockedBy } from '../clusters/operation'
import { BusyButton } from '../shared/busy-button'
import { isLiveState } from '../shared/member-state'
import { StateBadge } from '../shared/state-badge'
import { LeaderMark } from '../member-status/leader-mark'
import { FaultMarkers, MemberFaultControls } from './member-fault-controls'
import { MemberVersionCell } from './member-version-cell'
import type { FaultAction } from './use-fault-actions'
import type { MemberAction } from './use-member-actions'

const ACTIONS: readonly MemberAction[] = ['start', 'stop', 'restart', 'kill']

/** Whether an action makes sense in a member's current state. */
function canRun(action: MemberAction, member: MemberView): boolean {
  const isLive = isLiveState(member.state)
  switch (action) {
    case 'start':
      return !isLive
    case 'stop':
    case 'kill':
      return isLive
    case 'restart':
      return member.state !== 'stopping'
  }
}

/** One port table row: URLs, etcd version, pid, state, leader mark and the member's actions. */
export function MemberRow(props: {
  member: MemberView
  isLeader: boolean
  isNewLeader: boolean
  /** The version the member's server reports (cluster status), or null when not known. */
  reportedVersion: string | null
  busyWith: MemberAction | undefined
  /** The cluster's operation in progress: actions it is in the way of are disabled. */
  operation: ClusterOperation | null
  onAction: (action: MemberAction) => void
  /** True while a network-fault action on this member runs. */
  isFaultBusy: boolean
  onFault: (action: FaultAction) => void
}) {
  const { member: m, busyWith } = props
  const { t } = useTranslation('port-table')
  const engineWords = useEngineWords()
  return (
    <tr className={props.isLeader ? 'is-leader' : undefined}>
      <th scope="row">
        <span className="member-name">{m.name}</span>
        {props.isLeader && <LeaderMark isNew={props.isNewLeader} />}
      </th>
      <td className="mono">{m.clientUrl}</td>
      <td className="mono">{m.peerUrl}</td>
      <MemberVersionCell member={m} reported={props.reportedVersion} />
      <td className="mono">{m.pid ?? '—'}</td>
      <td>
        <StateBadge state={m.state} />
        <FaultMarkers faults={m.faults} />
        {m.restarts > 0 && (
          <span className="muted">{t('row.restarts', { count: m.restarts })}</span>
        )}
        {(m.state === 'crashed' || m.state === 'errored') && m.lastExit && (
          <div className="member-exit">
            {engineWords(m.lastExit.reasonWords, m.lastExit.reason)}
          </div>
        )}
      </td>
      <td>
        <div className="button-row button-row--tight">
          {ACTIONS.map((action) => {
            const label = t(`row.${action}`)
            const blocked = blockedBy(props.operation, `member-${action}`)
            return (
              <BusyButton
                key={action}
                className={
                  action === 'kill' ? 'button--small button--danger-quiet' : 'button--small'
                }
                aria-label={t('row.actionOf', { action: label, member: m.name })}
                title={blocked ?? undefined}
                isBusy={busyWith === action}
                disabled={busyWith !== undefined || !canRun(action, m) || blocked !== null}
                onClick={() => props.onAction(action)}
              >
                {label}
              </BusyButton>
            )
          })}
        </div>
        {m.faults && (
          <MemberFaultControls
            member={m.name}
            faults={m.faults}
            isBusy={props.isFaultBusy}
            blocked={blockedBy(props.operation, 'member-fault')}
            onAction={props.onFault}
          />
        )}
      </td>
    </tr>
  )
}
