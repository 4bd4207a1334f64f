import { useEffect } from 'react'
import type { ClusterView } from '../../../../shared/cluster'
import type { DiscoveryRegistryView } from '../../../../shared/discovery-registry'
import { useRequest, type RequestState } from '../shared/use-request'

/**
 * Why 1 s while the cluster starts: members register in the discovery etcd within their first
 * second, before any of them is healthy, and the cluster's view (a push) changes only when a
 * member's state does — so the registry filling up is seen only by asking. Each ask is one
 * bounded read of a few keys in a local etcd; it stops as soon as no member is starting.
 */
const REGISTRY_POLL_MS = 1_000

/** True while a member of the cluster is starting (registering in the discovery registry). */
function isStarting(cluster: ClusterView): boolean {
  return cluster.state === 'starting' || cluster.members.some((m) => m.state === 'starting')
}

/**
 * A discovery cluster's registry, asked again on every change of the cluster (a push), on
 * `reload`, and every second while it starts and `isActive` (the view is on screen).
 */
export function useDiscoveryRegistry(
  cluster: ClusterView,
  isActive: boolean,
): RequestState<DiscoveryRegistryView | null> {
  const name = cluster.definition.name
  const asked = useRequest('discovery:registry', { cluster: name }, [name, cluster.revision])
  const shouldPoll = isActive && isStarting(cluster)
  const { reload } = asked
  useEffect(() => {
    if (!shouldPoll) return
    const timer = setInterval(reload, REGISTRY_POLL_MS)
    return () => clearInterval(timer)
  }, [shouldPoll, reload])
  return asked
}
