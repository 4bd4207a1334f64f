import type { ClusterDefinition, MemberDefinition, MemberSpec } from '../../shared/cluster'
import type { EtcdLine } from '../etcd/etcd-version'

/** Where one member keeps its data. */
export interface MemberPaths {
  dataDir: string
}

/** The client URL of a member. */
export function clientUrlOf(host: string, member: MemberSpec): string {
  return `http://${host}:${member.clientPort}`
}

/**
 * The peer URL a member advertises, which the other members dial: its proxy's when it has one (a
 * cluster with network faults, whose peer links all pass proxies in the engine), else its own.
 */
export function peerUrlOf(host: string, member: MemberSpec): string {
  return `http://${host}:${member.proxyPort ?? member.peerPort}`
}

/** The peer URL a member listens on (its own peer port, also behind a proxy). */
function listenPeerUrlOf(host: string, member: MemberSpec): string {
  return `http://${host}:${member.peerPort}`
}

/** The --initial-cluster value: every member's name=peer URL. */
function initialClusterOf(def: Pick<ClusterDefinition, 'host' | 'members'>): string {
  return def.members.map((m) => `${m.name}=${peerUrlOf(def.host, m)}`).join(',')
}

/** The command-line arguments (no shell) that start one member of a cluster. */
export function memberArgs(
  def: ClusterDefinition,
  member: MemberDefinition,
  paths: MemberPaths,
  line: EtcdLine,
): string[] {
  const client = clientUrlOf(def.host, member)
  return [
    `--name=${member.name}`,
    `--data-dir=${paths.dataDir}`,
    `--listen-client-urls=${client}`,
    `--advertise-client-urls=${client}`,
    `--listen-peer-urls=${listenPeerUrlOf(def.host, member)}`,
    // With network faults this is the proxy's URL, and so are the URLs in --initial-cluster.
    `--initial-advertise-peer-urls=${peerUrlOf(def.host, member)}`,
    // A member added to a running cluster joins it with what etcd answered to member add (all
    // members then plus itself); the others bootstrapped it. Both are ignored by etcd once the
    // data dir holds a cluster, so they are safe on every start.
    `--initial-cluster=${member.joined?.initialCluster ?? initialClusterOf(def)}`,
    `--initial-cluster-state=${member.joined ? 'existing' : 'new'}`,
    `--initial-cluster-token=${def.token}`,
    ...(def.quotaBackendBytes ? [`--quota-backend-bytes=${def.quotaBackendBytes}`] : []),
    ...loggingArgs(line),
  ]
}

/** Logging flags per etcd line: JSON lines to stderr, which the engine sends to the member's log file. */
function loggingArgs(line: EtcdLine): string[] {
  switch (line) {
    case '3.4':
      // 3.4 defaults to capnslog text, and to journald when its parent is PID 1 (an adopted member).
      return ['--logger=zap', '--log-outputs=stderr']
    case '3.5':
      return ['--logger=zap', '--log-outputs=stderr']
    case '3.6':
      // 3.6 accepts only zap and adds --log-format (json is its default; stated for clarity).
      return ['--logger=zap', '--log-outputs=stderr', '--log-format=json']
  }
}

/** The etcdctl endpoints flag for a cluster: all client URLs. */
export function endpointsOf(def: Pick<ClusterDefinition, 'host' | 'members'>): string {
  return def.members.map((m) => clientUrlOf(def.host, m)).join(',')
}
