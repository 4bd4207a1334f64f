import type { ClusterView } from '../../../../shared/cluster'
import type { TwinContext } from '../../../../shared/maintenance-commands'
import { revisionAtRest } from '../clusters/operation'
import { useRequest } from '../shared/use-request'

/** What the etcdctl/etcdutl twins of a cluster need, once the engine named its tools. */
export interface Twins {
  ctx: TwinContext
  snapshotsDir: string
}

/** The cluster's etcdctl and etcdutl (maintenance:tools), with its members and current leader. */
export function useTwins(cluster: ClusterView, leader: string | null): Twins | null {
  const name = cluster.definition.name
  // Asked again after each operation: its etcdctl flags (`--user=root`) and version may change.
  const tools = useRequest('maintenance:tools', { cluster: name }, [name, revisionAtRest(cluster)])
  const data = tools.data
  if (!data) return null
  return {
    ctx: {
      version: data.version,
      etcdctl: data.etcdctl,
      etcdctlTls: data.etcdctlTls,
      etcdutl: data.etcdutl,
      members: cluster.members.map((m) => ({ name: m.name, clientUrl: m.clientUrl })),
      leader,
    },
    snapshotsDir: data.snapshotsDir,
  }
}
