import type { MemberSpec } from './cluster'

/** Client port of the first member in the tutorial's scheme. */
export const BASE_CLIENT_PORT = 2379
/** Distance between members in the tutorial's scheme: 2379, 12379, 22379 … */
const MEMBER_PORT_STRIDE = 10000
/** Distance between clusters: cluster k uses 2379+2k / 2380+2k, so two clusters never share a port. */
export const CLUSTER_PORT_STRIDE = 2
/**
 * A member's proxy port (clusters with network faults) is its peer port + 1000: 3380, 13380 …
 * Why 1000: proxy ports are even (client ports odd), and the proxy of cluster slot k equals the
 * peer port of slot k + 500 only, beyond the last slot suggested (CLUSTER_SLOTS).
 */
const PROXY_PORT_OFFSET = 1000
/** Cluster slots of the scheme that never share a port, proxy ports included. */
export const CLUSTER_SLOTS = PROXY_PORT_OFFSET / CLUSTER_PORT_STRIDE

/** Default name of member i (0-based), as in the tutorial: etcd1, etcd2 … */
function defaultMemberName(index: number): string {
  return `etcd${index + 1}`
}

/** The proxy port the scheme gives a member with this peer port. */
export function proxyPortFor(peerPort: number): number {
  return peerPort + PROXY_PORT_OFFSET
}

/**
 * Members in the tutorial's port scheme, shifted by `slot` clusters so they do not clash; with
 * `networkFaults`, each also gets a proxy port.
 */
export function tutorialMembers(count: number, slot = 0, networkFaults = false): MemberSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const clientPort = BASE_CLIENT_PORT + MEMBER_PORT_STRIDE * i + CLUSTER_PORT_STRIDE * slot
    const peerPort = clientPort + 1
    const member = { name: defaultMemberName(i), clientPort, peerPort }
    return networkFaults ? { ...member, proxyPort: proxyPortFor(peerPort) } : member
  })
}

/** Every port a list of members uses (proxy ports and a TLS switch's plain ports included). */
export function portsOf(members: readonly (MemberSpec & { plainClientPort?: number })[]): number[] {
  return members.flatMap((m) => [
    m.clientPort,
    m.peerPort,
    ...(m.proxyPort === undefined ? [] : [m.proxyPort]),
    ...(m.plainClientPort === undefined ? [] : [m.plainClientPort]),
  ])
}
