import type { ClusterStatus, ClusterView, LeaderChange } from '../../../../shared/cluster'
import { PortTable } from '../port-table/port-table'
import { MembershipSection } from '../membership/membership-section'
import { ProbePanel } from '../probe/probe-panel'
import { ElectionTimeline } from './election-timeline'
import { MemberStatusPanel } from './member-status-panel'

/** The Members tab: port table, member status cards, the write probe and the election timeline. */
export function MembersPanel(props: {
  cluster: ClusterView
  status: ClusterStatus | null
  leaderChanges: readonly LeaderChange[]
  newLeader: string | null
  onChanged: (view: ClusterView) => void
}) {
  const { cluster, status } = props
  return (
    <div className="members-panel">
      <PortTable
        cluster={cluster}
        leaderName={status?.leaderName ?? null}
        newLeader={props.newLeader}
        onChanged={props.onChanged}
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
