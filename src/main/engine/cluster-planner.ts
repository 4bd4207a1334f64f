import { randomBytes } from 'node:crypto'
import type { ClusterDefinition, ClusterSpec } from '../../shared/cluster'
import { CLUSTER_SLOTS, portsOf, tutorialMembers } from '../../shared/port-scheme'
import { MAX_PORT } from '../../shared/cluster-rules'
import { probePort } from '../ports/port-probe'

/**
 * Why a cap: the tutorial scheme's slots run out long before this; stop probing sooner. Never more
 * than CLUSTER_SLOTS: beyond it, one cluster's proxy ports would be another's peer ports.
 */
const MAX_SLOTS = CLUSTER_SLOTS

/**
 * Suggests members in the tutorial's port scheme (2379/2380, 12379/12380 …), shifted to the first
 * slot whose ports (proxy ports too, with `networkFaults`) no saved cluster uses and that are free
 * on this machine right now.
 */
export async function suggestMembers(
  count: number,
  host: string,
  taken: ReadonlySet<number>,
  networkFaults = false,
): Promise<ClusterSpec['members']> {
  for (let slot = 0; slot < MAX_SLOTS; slot++) {
    const members = tutorialMembers(count, slot, networkFaults)
    const ports = portsOf(members)
    if (ports.some((p) => p > MAX_PORT || taken.has(p))) continue
    const probes = await Promise.all(ports.map((p) => probePort(host, p)))
    if (probes.every((p) => p.free)) return members
  }
  return tutorialMembers(count, 0, networkFaults)
}

/** Turns a validated spec into a stored definition with its own cluster token. */
export function defineCluster(spec: ClusterSpec, resolvedVersion: string): ClusterDefinition {
  return {
    ...spec,
    members: spec.members.map((m) => ({
      name: m.name,
      clientPort: m.clientPort,
      peerPort: m.peerPort,
      ...(spec.networkFaults && m.proxyPort !== undefined ? { proxyPort: m.proxyPort } : {}),
      // A member's own version (a mixed-version cluster); the same as the cluster's adds nothing.
      ...(m.etcdVersion !== undefined && m.etcdVersion !== resolvedVersion
        ? { etcdVersion: m.etcdVersion }
        : {}),
    })),
    // One token per cluster: members of different clusters can never join each other by mistake.
    token: `${spec.name}-${randomBytes(6).toString('hex')}`,
    createdAt: new Date().toISOString(),
    resolvedVersion,
  }
}

/** The first of cluster-1, cluster-2 … that no saved cluster uses. */
export function freeClusterName(taken: ReadonlySet<string>): string {
  for (let i = 1; ; i++) if (!taken.has(`cluster-${i}`)) return `cluster-${i}`
}
