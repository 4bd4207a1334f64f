import type { ClusterDefinition } from '../../shared/cluster'
import { shellCommand } from '../../shared/shell-words'
import { endpointsOf } from '../cluster/etcd-flags'

/** The header lines every generated file starts with. */
export interface ExportTexts {
  /** "etcd cluster demo: 3 members, etcd 3.5.16" */
  title: string
  /** Where it comes from and that its flags are the app's. */
  origin: string
}

/** The header lines of a cluster's export files. */
export function exportTexts(def: ClusterDefinition, exportedAt: Date): ExportTexts {
  const count = def.members.length
  return {
    title: `etcd cluster ${def.name}: ${count} member${count === 1 ? '' : 's'}, etcd ${def.resolvedVersion}${def.tls ? ', TLS' : ''}`,
    origin: `Exported by etcd Desk at ${exportedAt.toISOString()} with the flags etcd Desk starts these members with.`,
  }
}

/**
 * An etcdctl command line for the cluster (POSIX quoting), with its TLS flags pointing at the
 * export's certificate files under `tlsRoot` ("tls" beside the scripts).
 */
export function etcdctlLine(def: ClusterDefinition, tlsRoot: string): string {
  const tls = def.tls
    ? [
        `--cacert=${tlsRoot}/ca.crt`,
        `--cert=${tlsRoot}/clients/etcdctl.crt`,
        `--key=${tlsRoot}/clients/etcdctl.key`,
      ]
    : []
  return shellCommand('etcdctl', [`--endpoints=${endpointsOf(def)}`, ...tls])
}
