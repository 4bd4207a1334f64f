import { DowngradeAction } from 'etcd3'
import type { EtcdLine } from '../../shared/etcd-lines'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import type { ReportedContext } from '../cluster/reported-operation'
import { call, leaderOf, readStatuses, withMemberClients } from '../maintenance/member-clients'
import { allEndpoints, etcdctlTwin } from '../membership/etcdctl-twin'

/**
 * Tells a 3.6 or 3.7 cluster it is going one line down (etcd's downgrade guide): `downgrade
 * validate`, then `downgrade enable`, sent to the leader, which migrates the storage version;
 * members are then swapped one by one with the leader last. etcd takes "3.5" (major.minor).
 */
export async function enableDowngrade(
  runtime: ClusterRuntime,
  line: EtcdLine,
  ctx: ReportedContext,
): Promise<void> {
  await withMemberClients(runtime, async (members) => {
    const leader = leaderOf(runtime.def.name, await readStatuses(members))
    const on = members.find((m) => m.name === leader)!
    for (const [action, word] of [
      [DowngradeAction.Validate, 'validate'],
      [DowngradeAction.Enable, 'enable'],
    ] as const) {
      ctx.step(`etcdctl downgrade ${word} ${line}`)
      ctx.twin(await etcdctlTwin(runtime, allEndpoints(runtime), ['downgrade', word, line]))
      await call(on, `downgrade ${word}`, () =>
        on.client.maintenance.downgrade({ action, version: line }),
      )
    }
  })
}
