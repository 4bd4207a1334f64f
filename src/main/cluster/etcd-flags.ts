import type { ClusterDefinition, MemberDefinition } from '../../shared/cluster'
import { memberVersionOf } from '../../shared/cluster-rules'
import { NEXT_CLUSTER_VERSION_COMPATIBLE_SINCE, type EtcdLine } from '../../shared/etcd-lines'
import { memberTlsStage } from '../../shared/tls-switch'
import { isAtLeast } from '../../shared/version-order'
import { discoveryArgs } from './discovery-flags'

/** The certificate files one member of a TLS cluster starts with (PEM). */
export interface MemberTlsFiles {
  ca: string
  serverCert: string
  serverKey: string
  peerCert: string
  peerKey: string
}

/** Where one member keeps its data, and its certificate files on a TLS cluster. */
export interface MemberPaths {
  dataDir: string
  tls?: MemberTlsFiles
}

/** What a member's URLs depend on: the interface, https on a TLS cluster, a TLS switch's phase. */
type UrlBase = Pick<ClusterDefinition, 'host' | 'tls' | 'tlsSwitch'>

/**
 * The client URL of a member, as clients dial it: https once the cluster's clients use TLS (a TLS
 * cluster, or the last phase of "Enable TLS"), else http — on its separate plain port while a TLS
 * switch has given its client port to https (etcd versions whose one port cannot serve both).
 */
export function clientUrlOf(def: UrlBase, member: MemberDefinition): string {
  if (def.tls) return `https://${def.host}:${member.clientPort}`
  const servesHttps = memberTlsStage(def, member) !== 'plain'
  const port = servesHttps ? (member.plainClientPort ?? member.clientPort) : member.clientPort
  return `http://${def.host}:${port}`
}

/** Every URL a member listens on for clients: http, https, or both during a TLS switch. */
function listenClientUrlsOf(def: UrlBase, member: MemberDefinition): string[] {
  const https = `https://${def.host}:${member.clientPort}`
  switch (memberTlsStage(def, member)) {
    case 'plain':
      return [`http://${def.host}:${member.clientPort}`]
    case 'material':
    case 'peer':
      return member.plainClientPort === undefined
        ? [`http://${def.host}:${member.clientPort}`, https]
        : [https, `http://${def.host}:${member.plainClientPort}`]
    case 'tls':
      return [https]
  }
}

function peerSchemeOf(def: UrlBase, member: MemberDefinition): string {
  const stage = memberTlsStage(def, member)
  return stage === 'peer' || stage === 'tls' ? 'https' : 'http'
}

/**
 * The peer URL a member advertises, which the other members dial: its proxy's when it has one (a
 * cluster with network faults, whose peer links all pass proxies in the engine), else its own.
 */
export function peerUrlOf(def: UrlBase, member: MemberDefinition): string {
  return `${peerSchemeOf(def, member)}://${def.host}:${member.proxyPort ?? member.peerPort}`
}

/** The peer URL a member listens on (its own peer port, also behind a proxy). */
function listenPeerUrlOf(def: UrlBase, member: MemberDefinition): string {
  return `${peerSchemeOf(def, member)}://${def.host}:${member.peerPort}`
}

/** The --initial-cluster value: every member's name=peer URL. */
function initialClusterOf(
  def: Pick<ClusterDefinition, 'host' | 'tls' | 'tlsSwitch' | 'members'>,
): string {
  return def.members.map((m) => `${m.name}=${peerUrlOf(def, m)}`).join(',')
}

/** What one etcd line accepts of the flags etcd Desk writes differently per line. */
interface LineFlags {
  /** Logging: zap JSON lines to stderr, which the engine sends to the member's log file. */
  logging: readonly string[]
  /** The first patch of the line with --next-cluster-version-compatible; null: the line has none. */
  nextClusterVersionCompatibleSince: string | null
}

/** zap, to stderr: the logging every line accepts (3.5 removed capnslog and --log-output). */
const ZAP_TO_STDERR = ['--logger=zap', '--log-outputs=stderr'] as const

/**
 * The flags that differ per etcd line (ETCD-OPS-FACTS §3.3, §8). Every other flag memberArgs
 * writes is accepted unchanged by 3.4 through 3.7; test/fixtures/etcd-flags holds each line's
 * full flag list, and the tests check every generated flag against it.
 */
const LINE_FLAGS: Readonly<Record<EtcdLine, LineFlags>> = {
  // 3.4 defaults to capnslog text, and to journald when its parent is PID 1 (an adopted member).
  // Its --debug and --log-output are never written: 3.5 refuses them, and members change lines.
  '3.4': {
    logging: ZAP_TO_STDERR,
    nextClusterVersionCompatibleSince: NEXT_CLUSTER_VERSION_COMPATIBLE_SINCE,
  },
  // 3.5 removed --debug, --log-output, --log-package-levels and --logger=capnslog; it never had
  // --next-cluster-version-compatible (a 3.4-only flag, for downgrades from 3.5).
  '3.5': { logging: ZAP_TO_STDERR, nextClusterVersionCompatibleSince: null },
  // 3.6 removed --enable-v2 and --proxy*, renamed --experimental-* (or made them --feature-gates)
  // and added --log-format (json is its default; stated for clarity).
  '3.6': {
    logging: [...ZAP_TO_STDERR, '--log-format=json'],
    nextClusterVersionCompatibleSince: null,
  },
  // 3.7 removed every --experimental-* flag, --discovery and --discovery-proxy, and added none.
  '3.7': {
    logging: [...ZAP_TO_STDERR, '--log-format=json'],
    nextClusterVersionCompatibleSince: null,
  },
}

/**
 * The command-line arguments (no shell) that start one member of a cluster, for the line of the
 * etcd that member runs (members of one cluster may run different versions).
 */
export function memberArgs(
  def: ClusterDefinition,
  member: MemberDefinition,
  paths: MemberPaths,
  line: EtcdLine,
): string[] {
  return [
    `--name=${member.name}`,
    `--data-dir=${paths.dataDir}`,
    `--listen-client-urls=${listenClientUrlsOf(def, member).join(',')}`,
    `--advertise-client-urls=${clientUrlOf(def, member)}`,
    `--listen-peer-urls=${listenPeerUrlOf(def, member)}`,
    // With network faults this is the proxy's URL, and so are the URLs in --initial-cluster.
    `--initial-advertise-peer-urls=${peerUrlOf(def, member)}`,
    ...bootstrapArgs(def, member, line),
    ...(def.quotaBackendBytes ? [`--quota-backend-bytes=${def.quotaBackendBytes}`] : []),
    // During a TLS switch a member has its certificates from the first phase on; etcd ignores
    // them on its http listeners but dials https peers with them (ETCD-OPS-FACTS §1.4).
    ...(memberTlsStage(def, member) === 'plain' ? [] : tlsArgs(paths.tls)),
    ...LINE_FLAGS[line].logging,
    ...(hasNextClusterVersionCompatible(def, member, line)
      ? ['--next-cluster-version-compatible']
      : []),
  ]
}

/**
 * How the member finds the others at its first start. A member added to a running cluster joins
 * it with what etcd answered to member add (all members then plus itself); the others
 * bootstrapped it, statically or by discovery (whose flags replace --initial-cluster*: etcd
 * accepts only one way). All are ignored by etcd once the data dir holds a cluster, so they are
 * safe on every start.
 */
function bootstrapArgs(def: ClusterDefinition, member: MemberDefinition, line: EtcdLine): string[] {
  if (def.discovery && !member.joined) return discoveryArgs(def.discovery, line)
  return [
    `--initial-cluster=${member.joined?.initialCluster ?? initialClusterOf(def)}`,
    `--initial-cluster-state=${member.joined ? 'existing' : 'new'}`,
    `--initial-cluster-token=${def.token}`,
  ]
}

/**
 * True when a member asked to accept the next line's cluster version (a 3.4 member in a 3.5
 * cluster being downgraded) and its etcd has the flag. Why the patch check: 3.4.0–3.4.30 exit on
 * the unknown flag; such a downgrade is refused before (version-paths.ts), and were one started
 * anyway, etcd's own "invalid downgrade" error says more than "flag provided but not defined".
 */
function hasNextClusterVersionCompatible(
  def: ClusterDefinition,
  member: MemberDefinition,
  line: EtcdLine,
): boolean {
  const since = LINE_FLAGS[line].nextClusterVersionCompatibleSince
  return (
    member.nextClusterVersionCompatible === true &&
    since !== null &&
    isAtLeast(memberVersionOf(def, member), since)
  )
}

/**
 * Mutual TLS on both the client and the peer port (the same flags on 3.4 to 3.7). The trusted CA
 * alone already makes etcd require a client certificate (ETCD-OPS-FACTS §0.1); --client-cert-auth
 * says so on the command line a learner reads.
 */
function tlsArgs(files: MemberTlsFiles | undefined): string[] {
  if (!files) return []
  return [
    `--cert-file=${files.serverCert}`,
    `--key-file=${files.serverKey}`,
    `--trusted-ca-file=${files.ca}`,
    '--client-cert-auth',
    `--peer-cert-file=${files.peerCert}`,
    `--peer-key-file=${files.peerKey}`,
    `--peer-trusted-ca-file=${files.ca}`,
    '--peer-client-cert-auth',
  ]
}

/** The etcdctl endpoints flag for a cluster: all client URLs. */
export function endpointsOf(
  def: Pick<ClusterDefinition, 'host' | 'tls' | 'tlsSwitch' | 'members'>,
): string {
  return def.members.map((m) => clientUrlOf(def, m)).join(',')
}
