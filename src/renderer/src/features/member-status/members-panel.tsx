import type { ClusterStatus, ClusterView, LeaderChange } from '../../../../shared/cluster'
import type { UpgradeReport } from '../../../../shared/upgrade'
import { PortTable } from '../port-table/port-table'
import { MembershipSection } from '../membership/membership-section'
import { ProbePanel } from '../probe/probe-panel'
import { ClusterVersions } from './cluster-versions'
import { ElectionTimeline } from './election-timeline'
import { MemberStatusPanel } from './member-status-panel'

/** The Members tab: port table, versions, status cards, the write probe and the election timeline. */
export function MembersPanel(props: {
  cluster: ClusterView
  status: ClusterStatus | null
  leaderChanges: readonly LeaderChange[]
  newLeader: string | null
  onChanged: (view: ClusterView) => void
  /** The report of the last version change started in this window, or null. */
  upgradeReport?: UpgradeReport | null
  onDismissUpgradeReport?: () => void
}) {
  const { cluster, status } = props
  const reportedVersions = new Map(
    (status?.members ?? []).flatMap((m) => (m.version ? [[m.member, m.version] as const] : [])),
  )
  return (
    <div className="members-panel">
      <PortTable
        cluster={cluster}
        leaderName={status?.leaderName ?? null}
        reportedVersions={reportedVersions}
        newLeader={props.newLeader}
        onChanged={props.onChanged}
      />
      <ClusterVersions
        cluster={cluster}
        status={status}
        report={props.upgradeReport ?? null}
        onDismissReport={props.onDismissUpgradeReport ?? (() => undefined)}
      />
      <MembershipSection cluster={cluster} status={status} onChanged={props.onChanged} />
      <div className="members-panel__lower">
        <MemberStatusPanel
          cluster={cluster}
          status={status}
          newLeader={props.newLeader}
          onChanged={props.onChanged}
        />
        <div className="members-panel__side">
          <ProbePanel cluster={cluster} />
          <ElectionTimeline changes={props.leaderChanges} />
        </div>
      </div>
    </div>
  )
}
