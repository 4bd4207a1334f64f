import type { ClusterDefinition, MemberDefinition } from '../../shared/cluster'
import type { ClusterRuntime } from '../cluster/cluster-runtime'

/**
 * A member set to run `version`: no own version when that is the cluster's recorded one (so a
 * cluster on the system etcd keeps running it from PATH), else its own exact version.
 */
function withVersion(
  def: ClusterDefinition,
  member: MemberDefinition,
  version: string,
  nextClusterVersionCompatible: boolean,
): MemberDefinition {
  return {
    ...withoutVersion(member),
    ...(version === def.resolvedVersion ? {} : { etcdVersion: version }),
    ...(nextClusterVersionCompatible ? { nextClusterVersionCompatible: true } : {}),
  }
}

/** A member without its own version (and the downgrade flag that goes with one). */
function withoutVersion(member: MemberDefinition): MemberDefinition {
  const rest = { ...member }
  delete rest.etcdVersion
  delete rest.nextClusterVersionCompatible
  return rest
}

/** How to resolve `version` for this cluster: "system" when it is the system etcd it runs on. */
export function versionSetting(def: ClusterDefinition, version: string): string {
  return def.etcdVersion === 'system' && version === def.resolvedVersion ? 'system' : version
}

/** Saves the version one member runs from its next start on (before it starts on it). */
export function saveMemberVersion(
  runtime: ClusterRuntime,
  member: string,
  version: string,
  nextClusterVersionCompatible = false,
): Promise<void> {
  const def = runtime.def
  return runtime.saveDefinition({
    ...def,
    members: def.members.map((m) =>
      m.name === member ? withVersion(def, m, version, nextClusterVersionCompatible) : m,
    ),
  })
}

/**
 * Once every member runs `version`: it becomes the cluster's own version and the members' own
 * versions go (a cluster upgraded from the system etcd now runs that release).
 */
export function saveClusterVersion(runtime: ClusterRuntime, version: string): Promise<void> {
  const def = runtime.def
  const keepFlag = (m: MemberDefinition) => m.nextClusterVersionCompatible === true
  // Back on the system etcd's version (a rolled-back upgrade): the cluster keeps running it from PATH.
  const isSystem = def.etcdVersion === 'system' && version === def.resolvedVersion
  return runtime.saveDefinition({
    ...def,
    etcdVersion: isSystem ? 'system' : version,
    resolvedVersion: version,
    members: def.members.map((m) =>
      keepFlag(m)
        ? { ...withoutVersion(m), nextClusterVersionCompatible: true }
        : withoutVersion(m),
    ),
  })
}
