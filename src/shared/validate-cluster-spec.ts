import { lineIndex, lineOf } from './etcd-lines'
import type { ClusterDefinition, ClusterSpec, MemberSpec } from './cluster'
import {
  CLUSTER_NAME_PATTERN,
  HOST_PATTERN,
  MAX_MEMBERS,
  MAX_PORT,
  MEMBER_NAME_PATTERN,
  MIN_MEMBERS,
  MIN_PORT,
  VERSION_PATTERN,
} from './cluster-rules'
import { portsOf } from './port-scheme'

/** One problem with a spec, pointing at the member and field it concerns. */
export interface SpecIssue {
  severity: 'error' | 'warning'
  /** Field path such as "name" or "members[1].clientPort". */
  path: string
  member?: string
  message: string
}

/** Checks everything that would break a cluster; warnings (even member counts) do not block. */
export function validateClusterSpec(spec: ClusterSpec): SpecIssue[] {
  const issues: SpecIssue[] = [...checkClusterFields(spec)]
  spec.members.forEach((m, i) => issues.push(...checkMemberFields(m, i, spec.networkFaults)))
  issues.push(...checkDuplicates(spec))
  issues.push(...checkMemberVersions(spec))
  return issues
}

/**
 * Members with their own versions (a mixed-version cluster): each a version etcd Desk runs, and
 * all within two adjacent lines, the only mix etcd supports (the cluster runs at the lowest).
 */
function checkMemberVersions(spec: ClusterSpec): SpecIssue[] {
  const issues: SpecIssue[] = []
  const lines: { member: string; line: number; version: string }[] = []
  if (spec.etcdVersion !== 'system' && lineOf(spec.etcdVersion)) {
    lines.push({
      member: 'the cluster',
      line: lineIndex(lineOf(spec.etcdVersion)!),
      version: spec.etcdVersion,
    })
  }
  spec.members.forEach((m, i) => {
    if (m.etcdVersion === undefined) return
    const label = m.name || `#${i + 1}`
    const line = VERSION_PATTERN.test(m.etcdVersion) ? lineOf(m.etcdVersion) : null
    if (!line) {
      issues.push({
        severity: 'error',
        path: `members[${i}].etcdVersion`,
        member: label,
        message: `Member ${label}: etcd version "${m.etcdVersion}" is not one etcd Desk runs (3.4 or later, like 3.5.17).`,
      })
      return
    }
    lines.push({ member: label, line: lineIndex(line), version: m.etcdVersion })
  })
  const sorted = [...lines].sort((a, b) => a.line - b.line)
  const [low, high] = [sorted[0], sorted[sorted.length - 1]]
  if (low && high && high.line - low.line > 1) {
    const i = spec.members.findIndex((m) => m.name === high.member)
    issues.push({
      severity: 'error',
      path: i >= 0 ? `members[${i}].etcdVersion` : 'etcdVersion',
      member: high.member,
      message: `${high.member} runs ${high.version} and ${low.member} ${low.version}: etcd mixes only adjacent lines (3.4 with 3.5, 3.5 with 3.6 …).`,
    })
  }
  return issues
}

/** Checks a spec on its own and against saved clusters: a name or a port already taken. */
export function validateAgainstClusters(
  spec: ClusterSpec,
  saved: readonly Pick<ClusterDefinition, 'name' | 'members'>[],
): SpecIssue[] {
  const issues = validateClusterSpec(spec)
  if (saved.some((d) => d.name === spec.name)) {
    issues.push({
      severity: 'error',
      path: 'name',
      message: `A cluster named ${spec.name} already exists.`,
    })
  }
  for (const other of saved) {
    const theirs = new Set(portsOf(other.members))
    spec.members.forEach((m, i) => {
      for (const { field, port } of portFields(m)) {
        if (!theirs.has(port)) continue
        issues.push({
          severity: 'error',
          path: `members[${i}].${field}`,
          member: m.name,
          message: `Port ${port} of member ${m.name} is already used by cluster ${other.name}.`,
        })
      }
    })
  }
  return issues
}

/** True when the issues contain at least one error. */
export function hasErrors(issues: readonly SpecIssue[]): boolean {
  return issues.some((i) => i.severity === 'error')
}

function checkClusterFields(spec: ClusterSpec): SpecIssue[] {
  const issues: SpecIssue[] = []
  const error = (path: string, message: string): number =>
    issues.push({ severity: 'error', path, message })
  if (!CLUSTER_NAME_PATTERN.test(spec.name)) {
    error(
      'name',
      `Cluster name "${spec.name}" must be 1–40 lower-case letters, digits or dashes, not starting or ending with a dash.`,
    )
  }
  const n = spec.members.length
  if (n < MIN_MEMBERS || n > MAX_MEMBERS) {
    error('members', `A cluster has ${MIN_MEMBERS} to ${MAX_MEMBERS} members; got ${n}.`)
  } else if (n % 2 === 0) {
    issues.push({
      severity: 'warning',
      path: 'members',
      message: `${n} members tolerate no more failures than ${n - 1}: quorum is ${n / 2 + 1}. Odd counts are recommended.`,
    })
  }
  if (spec.etcdVersion !== 'system' && !VERSION_PATTERN.test(spec.etcdVersion)) {
    error('etcdVersion', `etcd version "${spec.etcdVersion}" is not a version like 3.5.17.`)
  }
  if (spec.bootstrap === 'discovery' && spec.fromSnapshot) {
    // A restored member already holds its membership: it would never ask the registry.
    error(
      'bootstrap',
      'A cluster restored from a snapshot takes its members from the snapshot; choose static bootstrap or no snapshot.',
    )
  }
  if (!HOST_PATTERN.test(spec.host)) {
    error('host', `Host "${spec.host}" must be an IPv4 address such as 127.0.0.1, or localhost.`)
  }
  return issues
}

/** Which port of a member: its field in the spec and its name in messages. */
type PortField = 'clientPort' | 'peerPort' | 'proxyPort'
const PORT_WORDS: Record<PortField, string> = {
  clientPort: 'client',
  peerPort: 'peer',
  proxyPort: 'proxy',
}

/** A member's ports with their fields (the proxy port only when it has one). */
function portFields(m: MemberSpec): { field: PortField; port: number }[] {
  const fields: { field: PortField; port: number }[] = [
    { field: 'clientPort', port: m.clientPort },
    { field: 'peerPort', port: m.peerPort },
  ]
  if (m.proxyPort !== undefined) fields.push({ field: 'proxyPort', port: m.proxyPort })
  return fields
}

function checkMemberFields(m: MemberSpec, i: number, networkFaults = false): SpecIssue[] {
  const issues: SpecIssue[] = []
  const label = m.name || `#${i + 1}`
  if (!MEMBER_NAME_PATTERN.test(m.name)) {
    issues.push({
      severity: 'error',
      path: `members[${i}].name`,
      member: label,
      message: `Member name "${m.name}" must be 1–40 letters, digits, dots, dashes or underscores (no "=" or ",": they break --initial-cluster).`,
    })
  }
  for (const { field, port } of portFields(m)) {
    if (!Number.isInteger(port) || port < MIN_PORT || port > MAX_PORT) {
      issues.push({
        severity: 'error',
        path: `members[${i}].${field}`,
        member: label,
        message: `Member ${label}: ${PORT_WORDS[field]} port ${port} is outside ${MIN_PORT}–${MAX_PORT}.`,
      })
    }
  }
  const hasProxy = m.proxyPort !== undefined
  if (networkFaults !== hasProxy) {
    issues.push({
      severity: 'error',
      path: `members[${i}].proxyPort`,
      member: label,
      message: networkFaults
        ? `Member ${label} needs a proxy port: with network faults, other members reach it through a proxy.`
        : `Member ${label} has a proxy port, but the cluster has no network faults.`,
    })
  }
  return issues
}

function checkDuplicates(spec: ClusterSpec): SpecIssue[] {
  const issues: SpecIssue[] = []
  const names = new Map<string, number>()
  const ports = new Map<number, string>()
  spec.members.forEach((m, i) => {
    const seen = names.get(m.name)
    if (seen !== undefined) {
      issues.push({
        severity: 'error',
        path: `members[${i}].name`,
        member: m.name,
        message: `Member name "${m.name}" is used by members #${seen + 1} and #${i + 1}.`,
      })
    } else names.set(m.name, i)
    for (const { field, port } of portFields(m)) {
      const owner = ports.get(port)
      const here = `${m.name} ${PORT_WORDS[field]}`
      if (owner !== undefined) {
        issues.push({
          severity: 'error',
          path: `members[${i}].${field}`,
          member: m.name,
          message: `Port ${port} is used twice: ${owner} and ${here}.`,
        })
      } else ports.set(port, here)
    }
  })
  return issues
}
