import type { ClusterView } from '../../../../shared/cluster'
import { isLiveState } from '../../../../shared/cluster-rules'

export { isLiveState } from '../../../../shared/cluster-rules'

/** True when at least one member of the cluster has a process. */
export function hasLiveMember(cluster: ClusterView): boolean {
  return cluster.members.some((m) => isLiveState(m.state))
}

/** The cluster's client endpoints, comma-separated as etcdctl --endpoints takes them. */
export function endpointsOf(cluster: ClusterView): string {
  return cluster.members.map((m) => m.clientUrl).join(',')
}
