import type { ClusterSpec, MemberSpec } from '../../../../shared/cluster'
import type { VersionOption } from './etcd-version-options'

/** The versions a member can run alone: exact releases (installed or to download), not "system". */
export function memberVersionOptions(options: readonly VersionOption[] | null): VersionOption[] {
  return (options ?? []).filter((o) => o.kind !== 'system')
}

/**
 * The versions a create must download first: the cluster's, when chosen for download, and every
 * member's own version that is not installed yet.
 */
export function versionsToDownload(
  spec: ClusterSpec | null,
  options: readonly VersionOption[] | null,
): string[] {
  if (!spec || !options) return []
  const wanted = [spec.etcdVersion, ...spec.members.map((m) => m.etcdVersion)]
  const downloadable = new Set(options.filter((o) => o.kind === 'downloadable').map((o) => o.value))
  return [...new Set(wanted.filter((v): v is string => v !== undefined && downloadable.has(v)))]
}

/** A member with its own version set, or without one (it runs the cluster's). */
export function withMemberVersion(member: MemberSpec, version: string | null): MemberSpec {
  const rest: MemberSpec = { ...member }
  delete rest.etcdVersion
  return version ? { ...rest, etcdVersion: version } : rest
}

/** The members' own versions carried onto new rows (a new suggestion), by position. */
export function keepMemberVersions(
  before: readonly MemberSpec[],
  after: readonly MemberSpec[],
): MemberSpec[] {
  return after.map((m, i) => withMemberVersion(m, before[i]?.etcdVersion ?? null))
}
