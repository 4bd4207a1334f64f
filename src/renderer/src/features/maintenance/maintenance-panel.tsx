import { Trans, useTranslation } from '../../i18n'
import type { ClusterStatus, ClusterView } from '../../../../shared/cluster'
import { DiagnosisSection } from '../diagnosis/diagnosis-section'
import { EmptyState } from '../shared/empty-state'
import { hasLiveMember } from '../shared/member-state'
import { AlarmsSection } from './alarms-section'
import { CompactSection } from './compact-section'
import { ConsistencySection } from './consistency-section'
import { DefragmentSection } from './defragment-section'
import { NoSpaceDrill } from './nospace-drill'
import { SnapshotsSection } from './snapshots-section'
import { useAlarms } from './use-alarms'
import { useTwins } from './use-twins'

/**
 * The Maintenance tab: snapshots (save, download, restore into a new cluster), defragment,
 * compact, alarms, the NOSPACE drill (clusters with a space quota) and the consistency check,
 * each with its etcdctl / etcdutl twin for the cluster's version; and "Save diagnosis", which
 * works on a stopped cluster too.
 */
export function MaintenancePanel(props: {
  cluster: ClusterView
  status: ClusterStatus | null
  onRestore: (snapshotId: string) => void
  onCompacted: (revision: string) => void
}) {
  const { cluster, status } = props
  const name = cluster.definition.name
  const { t } = useTranslation('maintenance')
  const isUp = hasLiveMember(cluster)
  const twins = useTwins(cluster, status?.leaderName ?? null)
  const alarms = useAlarms(name, isUp)
  const quota = cluster.definition.quotaBackendBytes
  return (
    <div className="maintenance-panel">
      <SnapshotsSection
        cluster={name}
        running={cluster.members.filter((m) => m.state === 'running').map((m) => m.name)}
        twins={twins}
        onRestore={props.onRestore}
      />
      {isUp ? (
        <>
          <DefragmentSection cluster={name} twins={twins} />
          <CompactSection cluster={name} twins={twins} onCompacted={props.onCompacted} />
          <AlarmsSection cluster={name} alarms={alarms} twins={twins} />
          {quota && (
            <NoSpaceDrill
              cluster={name}
              quota={quota}
              status={status}
              alarms={alarms}
              twins={twins}
              onCompacted={props.onCompacted}
            />
          )}
          <ConsistencySection cluster={name} twins={twins} />
        </>
      ) : (
        <EmptyState title={t('panel.stoppedTitle', { name })}>
          <Trans t={t} i18nKey="panel.stoppedBody" components={{ strong: <strong /> }} />
        </EmptyState>
      )}
      <DiagnosisSection cluster={name} />
    </div>
  )
}
