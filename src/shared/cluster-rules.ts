import type { MemberState } from './cluster'

/** Fewest members a cluster may have. */
export const MIN_MEMBERS = 1
/** Most members a cluster may have: beyond 7, etcd recommends against it (more members, slower writes). */
export const MAX_MEMBERS = 7
/** Lowest port a member may use: below 1024 needs root on Unix. */
export const MIN_PORT = 1024
/** Highest TCP port. */
export const MAX_PORT = 65535

/** Cluster names double as folder names: lower-case letters, digits and dashes. */
export const CLUSTER_NAME_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/
/** Member names go into --name and --initial-cluster, where '=' and ',' would break parsing. */
export const MEMBER_NAME_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,38}[A-Za-z0-9])?$/
/** Host a member listens on: an IPv4 literal or localhost (no wildcard: a URL must be advertised). */
export const HOST_PATTERN =
  /^(?:localhost|(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3})$/
/** etcd versions look like 3.5.17 (a pre-release suffix such as -rc.0 is allowed). */
export const VERSION_PATTERN = /^3\.\d+\.\d+(?:-[0-9A-Za-z.]+)?$/

/** Number of members that must be up for the cluster to accept writes. */
export function quorumOf(memberCount: number): number {
  return Math.floor(memberCount / 2) + 1
}

/** True for member states in which an etcd process exists (a paused one included). */
export function isLiveState(state: MemberState): boolean {
  return state === 'starting' || state === 'running' || state === 'paused' || state === 'stopping'
}

/**
 * The etcd a member runs: its own exact version in a mixed-version cluster, else the cluster's
 * setting ("system" for the etcd on PATH).
 */
export function memberVersionSetting(
  def: { etcdVersion: string; resolvedVersion: string },
  member: { etcdVersion?: string },
): string {
  return member.etcdVersion ?? (def.etcdVersion === 'system' ? 'system' : def.resolvedVersion)
}

/** The exact version a member runs ("3.5.16"), its own or the cluster's recorded one. */
export function memberVersionOf(
  def: { resolvedVersion: string },
  member: { etcdVersion?: string },
): string {
  return member.etcdVersion ?? def.resolvedVersion
}
