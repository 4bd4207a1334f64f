import { memberVersionOf } from '../../shared/cluster-rules'
import { updatesLearnerSafely } from '../../shared/tls-switch'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { EngineError } from '../errors/engine-error'

/**
 * Refuses "Enable TLS" where it cannot work: a cluster already on TLS (TLS_ALREADY_ON), one with
 * network faults (its proxies are keyed to the peer URLs it was created with), and one with a
 * learner whose `member update` would silently make it a voter on the etcd it runs
 * (LEARNER_UPDATE_UNSAFE, ETCD-OPS-FACTS §0.5: promote or remove it first).
 */
export function assertCanEnableTls(runtime: ClusterRuntime): void {
  const def = runtime.def
  const cluster = def.name
  if (def.tls && !def.tlsSwitch) {
    throw new EngineError('TLS_ALREADY_ON', `Cluster ${cluster} already uses TLS.`, { cluster })
  }
  if (def.networkFaults) {
    const reason =
      'its peer links pass the network-fault proxies, which know members by the plain peer URLs it was created with'
    throw new EngineError(
      'TLS_SWITCH_UNSUPPORTED',
      `etcd Desk cannot turn TLS on for cluster ${cluster}: ${reason}.`,
      { cluster, reason },
    )
  }
  const listedLearners = new Set(
    (runtime.status()?.memberList ?? []).filter((m) => m.isLearner).map((m) => m.name),
  )
  const unsafe = def.members.find((m) => !updatesLearnerSafely(memberVersionOf(def, m)))
  const learner = def.members.find((m) => m.isLearner || listedLearners.has(m.name))
  if (learner && unsafe) {
    const version = memberVersionOf(def, unsafe)
    throw new EngineError(
      'LEARNER_UPDATE_UNSAFE',
      `Member ${learner.name} of cluster ${cluster} is a learner, and on etcd ${version} the member update that moves its peer URL to https would silently make it a voter. Promote or remove ${learner.name} first, then enable TLS.`,
      { cluster, member: learner.name, version },
    )
  }
}

/** Refuses a change (`what`: "adding a member") while "Enable TLS" is half done. */
export function assertNoTlsSwitch(runtime: ClusterRuntime, what: string): void {
  const change = runtime.def.tlsSwitch
  if (!change) return
  const cluster = runtime.def.name
  throw new EngineError(
    'TLS_SWITCH_PENDING',
    `Cluster ${cluster} is half way through enabling TLS (phase ${change.phase}); finish it (Continue enabling TLS) before ${what}.`,
    { cluster, phase: change.phase },
  )
}
