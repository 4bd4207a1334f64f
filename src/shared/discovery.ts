/**
 * Discovery bootstrap (ETCD-OPS-FACTS §2): members find each other through a registry in a
 * separate "discovery etcd" instead of a fixed --initial-cluster. Pure helpers, used by both sides.
 */

/** How a new cluster's members find each other at their first start. */
export type BootstrapMode = 'static' | 'discovery'

/**
 * Which registry protocol a cluster uses: 'v2' (`--discovery <url>`, etcd 3.4–3.6, the discovery
 * etcd serving the v2 API) or 'v3' (`--discovery-endpoints` + `--discovery-token`, 3.6 and later).
 */
export type DiscoveryProtocol = 'v2' | 'v3'

/** What a discovery cluster saves: the registry it bootstrapped from. */
export interface DiscoverySetting {
  protocol: DiscoveryProtocol
  /** A fresh UUID per cluster; single use (a failed bootstrap needs a new one). */
  token: string
  /** The cluster size written under the token: the number of members at create. */
  size: number
  /** The discovery etcd's client URL ("http://127.0.0.1:41234"). */
  endpoint: string
}

/** The registry folder of a token, as a key (v2 and v3 use the same path). */
export function registryKeyOf(token: string): string {
  return `/_etcd/registry/${token}`
}

/** The key holding the cluster size. */
export function sizeKeyOf(token: string): string {
  return `${registryKeyOf(token)}/_config/size`
}

/** The v2 discovery URL a 3.4–3.6 member gets as --discovery. */
export function v2DiscoveryUrlOf(d: Pick<DiscoverySetting, 'endpoint' | 'token'>): string {
  return `${d.endpoint}/v2/keys/_etcd/registry/${d.token}`
}

/** Where a v3 member registers: `/_etcd/registry/<token>/members/<id>` (v3discovery). */
export function v3MembersKeyOf(token: string): string {
  return `${registryKeyOf(token)}/members/`
}

/**
 * The protocol for a cluster whose members run these lines: v3 only when every member has it
 * (3.6+); otherwise v2, which 3.6 still speaks, so a 3.5 + 3.6 cluster shares one registry.
 */
export function discoveryProtocolFor(lines: readonly string[]): DiscoveryProtocol {
  return lines.every((line) => line === '3.6' || line === '3.7') ? 'v3' : 'v2'
}

/** The discovery URL or endpoints a user reads ("the discovery URL" in errors and the UI). */
export function discoveryUrlOf(d: DiscoverySetting): string {
  return d.protocol === 'v2' ? v2DiscoveryUrlOf(d) : `${d.endpoint} (token ${d.token})`
}
