import type { ClusterDefinition } from '../../shared/cluster'
import { memberVersionSetting } from '../../shared/cluster-rules'
import { lineOf } from '../../shared/etcd-lines'
import { EngineError } from '../errors/engine-error'
import type { EtcdBinary } from '../etcd/etcd-binary'
import { memberFolder, type DataLayout } from '../store/data-layout'
import { tlsFilesOf } from '../tls/tls-files'
import { memberArgs } from './etcd-flags'
import { checkSystemEtcdChange } from './system-etcd-change'

/** The binaries and the exact arguments each member of a cluster starts with. */
export interface LaunchPlan {
  /** The cluster's own etcd (its version setting); etcdctl and etcdutl come from it. */
  binary: EtcdBinary
  /** Each member's etcd, by member name (members of a mixed cluster run different ones). */
  binaries: ReadonlyMap<string, EtcdBinary>
  /** Arguments by member name, for the line of that member's etcd. */
  args: ReadonlyMap<string, string[]>
}

/**
 * Resolves the cluster's etcd and every member's (refusing a system etcd that changed in an unsafe
 * way) and builds every member's flags for the line of the etcd it runs.
 */
export async function planLaunch(
  def: ClusterDefinition,
  layout: DataLayout,
  resolveBinary: (version: string) => Promise<EtcdBinary>,
): Promise<LaunchPlan> {
  const resolved = new Map<string, Promise<EtcdBinary>>()
  const resolveOnce = (setting: string) => {
    let binary = resolved.get(setting)
    if (!binary) {
      binary = resolveBinary(setting)
      resolved.set(setting, binary)
    }
    return binary
  }
  const clusterSetting = def.etcdVersion === 'system' ? 'system' : def.resolvedVersion
  const binary = await resolveOnce(clusterSetting)
  if (def.etcdVersion === 'system')
    checkSystemEtcdChange(def.name, def.resolvedVersion, binary.version)
  const binaries = new Map<string, EtcdBinary>()
  const args = new Map<string, string[]>()
  for (const member of def.members) {
    const own = await resolveOnce(memberVersionSetting(def, member))
    const line = lineOf(own.version)
    if (!line) {
      throw new EngineError('ETCD_VERSION_UNSUPPORTED', `etcd ${own.version} is not supported.`, {
        version: own.version,
      })
    }
    const folder = memberFolder(member)
    const dataDir = layout.memberDataDir(def.name, folder)
    const tls = def.tls || def.tlsSwitch ? tlsFilesOf(layout, def.name).member(folder) : undefined
    binaries.set(member.name, own)
    args.set(member.name, memberArgs(def, member, { dataDir, tls }, line))
  }
  return { binary, binaries, args }
}
