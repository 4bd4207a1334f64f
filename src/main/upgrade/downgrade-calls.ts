import { DowngradeAction } from 'etcd3'
import { downgradeArgs } from '../../shared/downgrade-steps'
import type { EtcdLine } from '../../shared/etcd-lines'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import type { ReportedContext } from '../cluster/reported-operation'
import { call, leaderOf, readStatuses, withMemberClients } from '../maintenance/member-clients'
import { say } from '../maintenance/maintenance-words'
import { allEndpoints, etcdctlTwin } from '../membership/etcdctl-twin'

/** etcd's API action of each etcdctl downgrade step. */
const ACTIONS = {
  validate: DowngradeAction.Validate,
  enable: DowngradeAction.Enable,
  cancel: DowngradeAction.Cancel,
} as const

/**
 * Runs etcd's downgrade steps on a 3.6 or 3.7 cluster going one line down (its downgrade guide),
 * sent to the leader: `validate` then `enable` before the members are swapped one by one with
 * the leader last (the leader migrates the storage version), or `cancel` when a downgrade is
 * aborted. Each step's etcdctl twin goes into the report.
 */
export async function runDowngradeSteps(
  runtime: ClusterRuntime,
  line: EtcdLine,
  steps: readonly ('validate' | 'enable' | 'cancel')[],
  ctx: ReportedContext,
): Promise<void> {
  await withMemberClients(runtime, async (members) => {
    const leader = leaderOf(runtime.def.name, await readStatuses(members))
    const on = members.find((m) => m.name === leader)!
    for (const step of steps) {
      const args = downgradeArgs(step, line)
      ctx.step(say('step.etcdctl', { args: args.join(' ') }))
      ctx.twin(await etcdctlTwin(runtime, allEndpoints(runtime), args))
      await call(on, `downgrade ${step}`, () =>
        on.client.maintenance.downgrade({ action: ACTIONS[step], version: line }),
      )
    }
  })
}
