import type { MemberView } from '../../shared/cluster'
import type { ClientSecurity } from '../etcd/client-security'
import type { EngineLog } from '../log/engine-log'

/**
 * What maintenance calls need of a cluster: its name and members, which of them serve (and at
 * which client URL), how clients reach them, and where to log. A local cluster's runtime is one;
 * a connected cluster builds one from its member list (RemoteCluster.maintenanceTarget).
 */
export interface MaintenanceTarget {
  readonly def: { readonly name: string; readonly members: readonly { readonly name: string }[] }
  view(): { readonly members: readonly Pick<MemberView, 'name' | 'state' | 'clientUrl'>[] }
  readonly security: ClientSecurity
  readonly log: EngineLog
}
