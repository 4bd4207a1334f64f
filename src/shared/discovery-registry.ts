/**
 * The Keys tab's "Discovery registry" (README "Discovery"): the keys a cluster's token holds in
 * the discovery etcd — its size, then one key per member that registered — as the engine read
 * them. Pure types and helpers, used by both sides.
 */
import type { DiscoveryProtocol } from './discovery'

/**
 * Most registry keys one read returns. A token holds its size and at most one key per member
 * (≤ 7 here); anything far beyond that was written by hand and is not worth a long list.
 */
export const MAX_REGISTRY_KEYS = 100

/** What a registry key is: the size, a member's registration ("name=peerURL"), or anything else. */
export type RegistryKeyKind = 'size' | 'member' | 'other'

/** One key under a token's registry folder. */
export interface RegistryKey {
  key: string
  value: string
  kind: RegistryKeyKind
}

/** A discovery cluster's registry now. */
export interface DiscoveryRegistryView {
  cluster: string
  protocol: DiscoveryProtocol
  token: string
  /** The folder read: "/_etcd/registry/<token>/". */
  prefix: string
  /** The discovery URL (v2) or endpoint and token (v3) the members were given. */
  url: string
  /** The size the token was created with (the cluster's member count at create). */
  expectedSize: number
  /**
   * The keys in the order they were written (size first, then members as they registered), at
   * most MAX_REGISTRY_KEYS; null when the discovery etcd does not run, so nothing could be read.
   */
  keys: RegistryKey[] | null
  /** How many keys the folder holds (more than `keys` when the read was cut at the limit). */
  total: number
  /** When the engine read it (ISO time). */
  readAt: string
}

/** A member's registration read from its value ("etcd1=http://127.0.0.1:2380"), or null. */
export function registrationOf(value: string): { name: string; peerUrls: string[] } | null {
  const at = value.indexOf('=')
  if (at <= 0) return null
  // etcd writes every peer URL of the member as name=url, joined by commas (types.URLsMap).
  const peerUrls = value
    .split(',')
    .map((pair) => pair.slice(pair.indexOf('=') + 1))
    .filter(Boolean)
  return { name: value.slice(0, at), peerUrls }
}

/** The members a registry lists, in the order they registered. */
export function registeredMembers(keys: readonly RegistryKey[]): RegistryKey[] {
  return keys.filter((k) => k.kind === 'member')
}
