import type { ClusterDefinition, MemberSpec } from '../../shared/cluster'
import { MAX_PORT } from '../../shared/cluster-rules'
import { BASE_CLIENT_PORT, CLUSTER_PORT_STRIDE, tutorialMembers } from '../../shared/port-scheme'
import { probePort } from '../ports/port-probe'
import { freePortPair } from './free-port-pair'

/**
 * The next member of a cluster, as the tutorial would name and place it: etcd<n+1> on the
 * cluster's port scheme (2379/2380, 12379/12380, … shifted like its first member), or free
 * ports when that slot is taken. `taken` holds every port of every cluster.
 */
export async function suggestMember(
  def: ClusterDefinition,
  taken: ReadonlySet<number>,
): Promise<MemberSpec> {
  const names = new Set(def.members.map((m) => m.name))
  let index = def.members.length
  while (names.has(`etcd${index + 1}`)) index++
  const name = `etcd${index + 1}`
  const slot = schemeSlotOf(def)
  if (slot !== null) {
    const scheme = tutorialMembers(index + 1, slot, def.networkFaults)[index]!
    const ports = [
      scheme.clientPort,
      scheme.peerPort,
      ...(scheme.proxyPort ? [scheme.proxyPort] : []),
    ]
    const isFree = async () =>
      (await Promise.all(ports.map((p) => probePort(def.host, p)))).every((p) => p.free)
    if (ports.every((p) => p <= MAX_PORT && !taken.has(p)) && (await isFree())) {
      return { ...scheme, name }
    }
  }
  return { name, ...(await freePortPair(def.host, taken, def.networkFaults === true)) }
}

/** The scheme slot of a cluster whose first member sits on the tutorial's ports, else null. */
function schemeSlotOf(def: ClusterDefinition): number | null {
  const first = def.members[0]
  if (!first) return null
  const shift = first.clientPort - BASE_CLIENT_PORT
  if (shift < 0 || shift % CLUSTER_PORT_STRIDE !== 0) return null
  return first.peerPort === first.clientPort + 1 ? shift / CLUSTER_PORT_STRIDE : null
}
