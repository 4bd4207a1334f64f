import type { ClusterView } from '../../../../shared/cluster'
import { useTranslation } from '../../i18n'
import { ErrorMessage } from '../shared/error-message'
import { isLiveState } from '../shared/member-state'
import { MemberRow } from './member-row'
import { useFaultActions } from './use-fault-actions'
import { useMemberActions } from './use-member-actions'

/** The port table: each member's URLs, etcd version, pid, state, leader mark and actions. */
export function PortTable(props: {
  cluster: ClusterView
  leaderName: string | null
  /** Each member's version as its server reports it (cluster status), by member name. */
  reportedVersions?: ReadonlyMap<string, string>
  newLeader: string | null
  onChanged: (view: ClusterView) => void
}) {
  const { cluster, leaderName } = props
  const name = cluster.definition.name
  const actions = useMemberActions(name, props.onChanged)
  const faults = useFaultActions(name, props.onChanged)
  const { t } = useTranslation('port-table')
  return (
    <section aria-labelledby="port-table-title">
      <h3 id="port-table-title">{t('table.title')}</h3>
      <div className="table-scroll">
        <table className="port-table" aria-label={t('table.label', { name })}>
          <thead>
            <tr>
              <th scope="col">{t('table.member')}</th>
              <th scope="col">{t('table.clientUrl')}</th>
              <th scope="col">{t('table.peerUrl')}</th>
              <th scope="col">{t('table.version')}</th>
              <th scope="col">{t('table.pid')}</th>
              <th scope="col">{t('table.status')}</th>
              <th scope="col">{t('table.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {cluster.members.map((m) => (
              <MemberRow
                key={m.name}
                member={m}
                isLeader={m.name === leaderName && isLiveState(m.state)}
                isNewLeader={m.name === props.newLeader}
                reportedVersion={props.reportedVersions?.get(m.name) ?? null}
                busyWith={actions.busy.get(m.name)}
                operation={cluster.operation}
                onAction={(action) => void actions.run(m.name, action)}
                isFaultBusy={faults.busy.has(m.name)}
                onFault={(action) => void faults.run(m.name, action)}
              />
            ))}
          </tbody>
        </table>
      </div>
      {actions.failure && (
        <ErrorMessage
          error={actions.failure.error}
          context={t(`table.failed.${actions.failure.action}`, { member: actions.failure.member })}
          onDismiss={actions.dismiss}
        />
      )}
      {faults.failure && (
        <ErrorMessage
          error={faults.failure.error}
          context={faults.failure.action}
          onDismiss={faults.dismiss}
        />
      )}
    </section>
  )
}
