import type { ClusterRuntime } from '../cluster/cluster-runtime'
import type { ReportedContext } from '../cluster/reported-operation'
import { EngineError } from '../errors/engine-error'
import { listAlarms } from '../maintenance/alarms'
import { readClusterFacts } from '../membership/cluster-facts'
import { allEndpoints, etcdctlTwin } from '../membership/etcdctl-twin'

/**
 * What etcd's upgrade guide asks before the first member is touched: every member running and
 * healthy (CLUSTER_UNHEALTHY names those that are not) and no alarm active (ALARMS_ACTIVE).
 */
export async function assertReadyForUpgrade(
  runtime: ClusterRuntime,
  ctx: ReportedContext,
): Promise<void> {
  const cluster = runtime.def.name
  ctx.step('checking that every member is healthy')
  ctx.twin(await etcdctlTwin(runtime, allEndpoints(runtime), ['endpoint', 'health']))
  const facts = await readClusterFacts(runtime)
  const problems = runtime.slots.flatMap((slot) => {
    const name = slot.spec.name
    if (slot.process.state !== 'running') return [`${name} is ${slot.process.state}`]
    const status = facts.status.members.find((m) => m.member === name)
    if (!status?.healthy)
      return [
        `${name} is not healthy (${status?.unreachable ?? status?.errors.join(', ') ?? 'no status'})`,
      ]
    return []
  })
  if (problems.length > 0) {
    throw new EngineError(
      'CLUSTER_UNHEALTHY',
      `Cluster ${cluster} is not ready for a version change: ${problems.join('; ')}. Start every member and wait until all are healthy.`,
      { cluster, waitedMs: 0, reason: problems.join('; ') },
    )
  }
  ctx.step('checking alarms')
  ctx.twin(await etcdctlTwin(runtime, allEndpoints(runtime), ['alarm', 'list']))
  const alarms = await listAlarms(runtime)
  if (alarms.length > 0) {
    const names = alarms.map((a) => `${a.alarm} on ${a.member}`)
    throw new EngineError(
      'ALARMS_ACTIVE',
      `Cluster ${cluster} has active alarms (${names.join(', ')}); resolve and disarm them first (Maintenance tab).`,
      { cluster, alarms: names },
    )
  }
}
