import type { MemberSpec } from './cluster'

/** Client port of the first member in the tutorial's scheme. */
export const BASE_CLIENT_PORT = 2379
/** Distance between members in the tutorial's scheme: 2379, 12379, 22379 … */
const MEMBER_PORT_STRIDE = 10000
/** Distance between clusters: cluster k uses 2379+2k / 2380+2k, so two clusters never share a port. */
export const CLUSTER_PORT_STRIDE = 2

/** Default name of member i (0-based), as in the tutorial: etcd1, etcd2 … */
function defaultMemberName(index: number): string {
  return `etcd${index + 1}`
}

/** Distance of a member's peer proxy port (network faults) from its peer port: 3380, 13380 … */
export const PROXY_PORT_OFFSET = 1000

/**
 * Members in the tutorial's port scheme, shifted by `slot` clusters so they do not clash; with
 * `withProxy`, each also gets a peer proxy port (for network faults).
 */
export function tutorialMembers(count: number, slot = 0, withProxy = false): MemberSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const clientPort = BASE_CLIENT_PORT + MEMBER_PORT_STRIDE * i + CLUSTER_PORT_STRIDE * slot
    const peerPort = clientPort + 1
    if (withProxy) {
      return {
        name: defaultMemberName(i),
        clientPort,
        peerPort,
        proxyPort: peerPort + PROXY_PORT_OFFSET,
      }
    }
    return { name: defaultMemberName(i), clientPort, peerPort }
  })
}

/** Every port a list of members uses (peer proxy ports included). */
export function portsOf(members: readonly MemberSpec[]): number[] {
  return members.flatMap((m) => [m.clientPort, m.peerPort, ...(m.proxyPort ? [m.proxyPort] : [])])
}
