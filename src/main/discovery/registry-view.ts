import type { ClusterDefinition } from '../../shared/cluster'
import { discoveryUrlOf, registryKeyOf } from '../../shared/discovery'
import type { DiscoveryRegistryView } from '../../shared/discovery-registry'
import { readRegistryKeys } from './registry-keys'

/**
 * A discovery cluster's registry as the Keys tab shows it: read from the discovery etcd that runs
 * now (`endpoint`; its data outlives a change of ports, so the token's keys are still there), or
 * without keys when none runs. Null for a cluster bootstrapped statically.
 */
export async function readRegistryView(
  def: ClusterDefinition,
  endpoint: string | null,
): Promise<DiscoveryRegistryView | null> {
  const d = def.discovery
  if (!d) return null
  const read = endpoint ? await readRegistryKeys({ ...d, endpoint }) : null
  return {
    cluster: def.name,
    protocol: d.protocol,
    token: d.token,
    prefix: `${registryKeyOf(d.token)}/`,
    url: discoveryUrlOf(d),
    expectedSize: d.size,
    keys: read?.keys ?? null,
    total: read?.total ?? 0,
    readAt: new Date().toISOString(),
  }
}
