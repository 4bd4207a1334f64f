import type { ClusterDefinition, MemberDefinition } from '../../shared/cluster'
import { memberVersionOf } from '../../shared/cluster-rules'
import { lineOf, type EtcdLine } from '../../shared/etcd-lines'
import { EngineError } from '../errors/engine-error'
import { memberArgs, type MemberPaths } from '../cluster/etcd-flags'

/** Where an export's member runs: its data dir and certificate files, per target. */
export type ExportPaths = (member: string) => MemberPaths

/**
 * The paths of a target whose files sit under `root` ('' for the export folder itself, which the
 * scripts and goreman run in): data/<member>, and tls/ laid out as the cluster's own tls/ folder.
 */
export function pathsUnder(root: string, hasTls: boolean, dataDir?: string): ExportPaths {
  const at = (path: string) => (root === '' ? path : `${root}/${path}`)
  return (member) => ({
    dataDir: dataDir ?? at(`data/${member}`),
    tls: hasTls
      ? {
          ca: at('tls/ca.crt'),
          serverCert: at(`tls/members/${member}/server.crt`),
          serverKey: at(`tls/members/${member}/server.key`),
          peerCert: at(`tls/members/${member}/peer.crt`),
          peerKey: at(`tls/members/${member}/peer.key`),
        }
      : undefined,
  })
}

/**
 * The cluster as a fresh one started elsewhere: every member bootstraps statically and together
 * (--initial-cluster-state new), on its own peer port (the engine's fault proxies do not travel),
 * without a discovery token (single use, and its registry runs inside etcd Desk). Refused half
 * way through "Enable TLS", whose members run with a mix of http and https.
 */
export function freshDefinition(def: ClusterDefinition): ClusterDefinition {
  if (def.tlsSwitch) {
    throw new EngineError(
      'INVALID_REQUEST',
      `Cluster ${def.name} is half way through Enable TLS; finish it (Continue enabling TLS) before exporting it.`,
      { field: 'cluster', value: def.name },
    )
  }
  const members = def.members.map((m) => {
    const fresh: MemberDefinition = { ...m }
    delete fresh.proxyPort
    delete fresh.plainClientPort
    delete fresh.joined
    delete fresh.folder
    return fresh
  })
  const fresh: ClusterDefinition = { ...def, members, pendingChange: null, pendingUpgrade: null }
  delete fresh.discovery
  delete fresh.tlsSwitch
  return fresh
}

/** The etcd line a member runs (its flags depend on it). */
function memberLine(def: ClusterDefinition, member: MemberDefinition): EtcdLine {
  const version = memberVersionOf(def, member)
  const line = lineOf(version)
  if (!line) {
    throw new EngineError('ETCD_VERSION_UNSUPPORTED', `etcd ${version} is not supported.`, {
      version,
    })
  }
  return line
}

/**
 * One member's flags in an export: exactly what the engine starts it with (memberArgs, the one
 * source of truth, for the line of that member's etcd), with the target's paths.
 */
export function exportArgs(
  def: ClusterDefinition,
  member: MemberDefinition,
  paths: ExportPaths,
): string[] {
  return memberArgs(def, member, paths(member.name), memberLine(def, member))
}
