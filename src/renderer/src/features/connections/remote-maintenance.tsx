import type { ClusterStatus } from '../../../../shared/cluster'
import { AlarmsSection } from '../maintenance/alarms-section'
import { CompactSection } from '../maintenance/compact-section'
import { ConsistencySection } from '../maintenance/consistency-section'
import { DefragmentSection } from '../maintenance/defragment-section'
import { SnapshotsSection } from '../maintenance/snapshots-section'
import { useAlarms } from '../maintenance/use-alarms'
import type { Twins } from '../maintenance/use-twins'
import { useRequest } from '../shared/use-request'

/**
 * A connected cluster's Maintenance tab: what makes sense without its processes — snapshot save
 * from any answering member, defragment (followers first, the leader last), compact, alarms and
 * the consistency check — each with its etcdctl twin (the etcdctl on the PATH, the connection's
 * files and user). Restoring needs local members: a saved snapshot restores into a new local
 * cluster.
 */
export function RemoteMaintenance(props: {
  cluster: string
  status: ClusterStatus | null
  onRestore: (snapshotId: string) => void
  onCompacted: (revision: string) => void
}) {
  const { cluster, status } = props
  const answering = (status?.members ?? []).filter((m) => !m.unreachable).map((m) => m.member)
  const twins = useRemoteTwins(cluster, status)
  const alarms = useAlarms(cluster, true)
  return (
    <div className="maintenance-panel">
      <SnapshotsSection
        cluster={cluster}
        running={answering}
        twins={twins}
        onRestore={props.onRestore}
      />
      <DefragmentSection cluster={cluster} twins={twins} />
      <CompactSection cluster={cluster} twins={twins} onCompacted={props.onCompacted} />
      <AlarmsSection cluster={cluster} alarms={alarms} twins={twins} />
      <ConsistencySection cluster={cluster} twins={twins} />
    </div>
  )
}

/** The twins' context of a connected cluster: its members from etcd's member list. */
function useRemoteTwins(cluster: string, status: ClusterStatus | null): Twins | null {
  const version = status?.clusterVersion ?? null
  const tools = useRequest('maintenance:tools', { cluster }, [cluster, version])
  if (!tools.data || !status) return null
  return {
    ctx: {
      version: tools.data.version,
      etcdctl: tools.data.etcdctl,
      etcdctlTls: tools.data.etcdctlTls,
      etcdutl: tools.data.etcdutl,
      members: status.memberList.map((m) => ({ name: m.name, clientUrl: m.clientUrls[0] ?? '' })),
      leader: status.leaderName,
    },
    snapshotsDir: tools.data.snapshotsDir,
  }
}
