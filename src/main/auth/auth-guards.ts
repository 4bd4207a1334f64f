import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../shared/auth'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { EngineError } from '../errors/engine-error'
import { english } from '../words/english'

/** Refuses a weak password with WEAK_PASSWORD naming the user and why. */
export function assertStrongPassword(cluster: string, user: string, password: string): void {
  const reasonWords = passwordProblem(user, password)
  if (reasonWords === null) return
  const reason = english(reasonWords)
  throw new EngineError(
    'WEAK_PASSWORD',
    `The password for ${user} is too weak: it ${reason}. Use at least ${MIN_PASSWORD_LENGTH} characters that are not the user name.`,
    { cluster, user, reason, reasonWords },
  )
}

/**
 * Refuses auth and user changes while the cluster's members run different versions: a user added
 * through a 3.5 member could not log in on a 3.4 one, even after its upgrade (ETCD-OPS-FACTS §3.5).
 */
export function assertOneVersion(runtime: ClusterRuntime): void {
  const def = runtime.def
  const versions = new Set(def.members.map((m) => m.etcdVersion ?? def.etcdVersion))
  if (versions.size <= 1 && !def.pendingUpgrade) return
  const label = 'its members run different etcd versions (a version change is not finished)'
  throw new EngineError(
    'CLUSTER_BUSY',
    `Cluster ${def.name} refuses authentication changes while ${label}: etcd does not carry them across versions. Finish the version change first.`,
    { cluster: def.name, operation: 'upgrade', label },
  )
}

/** Refuses with AUTH_NOT_ENABLED when authentication is off. */
export function assertEnabled(cluster: string, isEnabled: boolean | null, what: string): void {
  if (isEnabled !== false) return
  throw new EngineError(
    'AUTH_NOT_ENABLED',
    `Authentication is off in cluster ${cluster}: ${what} needs it on. Enable it in the Access tab first.`,
    { cluster },
  )
}

/** Refuses with ROOT_PASSWORD_NEEDED when authentication is on and root's password is unknown. */
export function rootNeeded(cluster: string): EngineError {
  return new EngineError(
    'ROOT_PASSWORD_NEEDED',
    `Authentication is on in cluster ${cluster} and etcd Desk does not know root's password (it is kept only for a session without an encrypted store). Enter it in the Access tab.`,
    { cluster },
  )
}
