import type { ClusterDefinition } from '../../shared/cluster'
import { EngineError } from '../errors/engine-error'
import type { EtcdBinary } from '../etcd/etcd-binary'
import { etcdLineOf } from '../etcd/etcd-version'
import { memberFolder, type DataLayout } from '../store/data-layout'
import { memberArgs } from './etcd-flags'
import { checkSystemEtcdChange } from './system-etcd-change'

/** The binary and the exact arguments each member of a cluster starts with. */
export interface LaunchPlan {
  binary: EtcdBinary
  /** Arguments by member name. */
  args: ReadonlyMap<string, string[]>
}

/**
 * Resolves the cluster's etcd (refusing a system etcd that changed in an unsafe way) and builds
 * every member's flags for that etcd line.
 */
export async function planLaunch(
  def: ClusterDefinition,
  layout: DataLayout,
  resolveBinary: (version: string) => Promise<EtcdBinary>,
): Promise<LaunchPlan> {
  const binary = await resolveBinary(def.etcdVersion === 'system' ? 'system' : def.resolvedVersion)
  if (def.etcdVersion === 'system')
    checkSystemEtcdChange(def.name, def.resolvedVersion, binary.version)
  const line = etcdLineOf(binary.version)
  if (!line) {
    throw new EngineError('ETCD_VERSION_UNSUPPORTED', `etcd ${binary.version} is not supported.`, {
      version: binary.version,
    })
  }
  const args = new Map(
    def.members.map((m) => {
      const dataDir = layout.memberDataDir(def.name, memberFolder(m))
      return [m.name, memberArgs(def, m, { dataDir }, line)] as const
    }),
  )
  return { binary, args }
}
