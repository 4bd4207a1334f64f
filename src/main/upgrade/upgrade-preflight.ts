import type { ClusterRuntime } from '../cluster/cluster-runtime'
import type { ReportedContext } from '../cluster/reported-operation'
import { EngineError } from '../errors/engine-error'
import { listAlarms } from '../maintenance/alarms'
import { say } from '../maintenance/maintenance-words'
import { readClusterFacts } from '../membership/cluster-facts'
import { allEndpoints, etcdctlTwin } from '../membership/etcdctl-twin'

/**
 * What etcd's upgrade guide asks (and any rolling restart needs) before the first member is touched: every member running, no
 * alarm active (ALARMS_ACTIVE; checked before health, since etcd's /health is false while an
 * alarm is raised, and the alarm is what the user must fix) and every member healthy
 * (CLUSTER_UNHEALTHY names those that are not).
 */
export async function assertReadyForUpgrade(
  runtime: ClusterRuntime,
  ctx: ReportedContext,
  /** What the cluster is checked for, in the refusal: "a version change", "enabling TLS". */
  purpose = 'a version change',
): Promise<void> {
  const cluster = runtime.def.name
  const notRunning = runtime.slots
    .filter((slot) => slot.process.state !== 'running')
    .map((slot) => `${slot.spec.name} is ${slot.process.state}`)
  if (notRunning.length > 0) throw unhealthy(cluster, notRunning, purpose)
  ctx.step(say('step.checkingAlarms'))
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
  ctx.step(say('step.checkingHealth'))
  ctx.twin(await etcdctlTwin(runtime, allEndpoints(runtime), ['endpoint', 'health']))
  const facts = await readClusterFacts(runtime)
  const sick = runtime.slots.flatMap((slot) => {
    const status = facts.status.members.find((m) => m.member === slot.spec.name)
    if (status?.healthy) return []
    const why = status?.unreachable ?? status?.errors.join(', ') ?? 'no status'
    return [`${slot.spec.name} is not healthy (${why})`]
  })
  if (sick.length > 0) throw unhealthy(cluster, sick, purpose)
}

function unhealthy(cluster: string, problems: string[], purpose: string): EngineError {
  return new EngineError(
    'CLUSTER_UNHEALTHY',
    `Cluster ${cluster} is not ready for ${purpose}: ${problems.join('; ')}. Start every member and wait until all are healthy.`,
    { cluster, waitedMs: 0, reason: problems.join('; ') },
  )
}
