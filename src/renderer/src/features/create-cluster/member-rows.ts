import type { ClusterSpec, MemberSpec } from '../../../../shared/cluster'
import {
  BASE_CLIENT_PORT,
  CLUSTER_PORT_STRIDE,
  proxyPortFor,
  tutorialMembers,
} from '../../../../shared/port-scheme'

/** The tutorial's spec for `memberCount` members, when the engine cannot suggest one. */
export function tutorialSpec(memberCount: number): ClusterSpec {
  const members = tutorialMembers(memberCount)
  return { name: 'cluster-1', members, etcdVersion: 'system', host: '127.0.0.1' }
}

/** The cluster slot (tutorial ports shifted by 2 per cluster) the first member sits in, else 0. */
function slotOf(members: readonly MemberSpec[]): number {
  const shift = (members[0]?.clientPort ?? BASE_CLIENT_PORT) - BASE_CLIENT_PORT
  const slot = shift / CLUSTER_PORT_STRIDE
  return Number.isInteger(slot) && slot >= 0 ? slot : 0
}

/**
 * `count` member rows at once: the first rows kept, new ones in the tutorial scheme of the same
 * slot. A stand-in until the engine's suggestion for this count (free ports) replaces them.
 */
export function resizeMembers(members: readonly MemberSpec[], count: number): MemberSpec[] {
  if (count <= members.length) return members.slice(0, count)
  return [...members, ...tutorialMembers(count, slotOf(members)).slice(members.length)]
}

/**
 * The members with a proxy port each when `networkFaults` (kept if set, else the scheme's peer +
 * 1000), or without any: the rows always match the checkbox.
 */
export function withProxyPorts(
  members: readonly MemberSpec[],
  networkFaults: boolean,
): MemberSpec[] {
  return members.map(({ proxyPort, ...m }) =>
    networkFaults ? { ...m, proxyPort: proxyPort ?? proxyPortFor(m.peerPort) } : m,
  )
}
