import { words, type EngineWords } from './engine-words/engine-words'
import type { ClusterDefinition, ClusterSpec, MemberSpec } from './cluster'
import { checkMemberVersions } from './spec-member-versions'
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
  /** What is wrong: the engine writes it in English (english()), the window in its language. */
  words: EngineWords
}

/** Checks everything that would break a cluster; warnings (even member counts) do not block. */
export function validateClusterSpec(spec: ClusterSpec): SpecIssue[] {
  const issues: SpecIssue[] = [...checkClusterFields(spec)]
  spec.members.forEach((m, i) => issues.push(...checkMemberFields(m, i, spec.networkFaults)))
  issues.push(...checkDuplicates(spec))
  issues.push(...checkMemberVersions(spec))
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
      words: words('engine-rules:spec.clusterExists', { name: spec.name }),
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
          words: words('engine-rules:spec.portTaken', {
            port,
            member: m.name,
            cluster: other.name,
          }),
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
  const error = (path: string, what: EngineWords): number =>
    issues.push({ severity: 'error', path, words: what })
  if (!CLUSTER_NAME_PATTERN.test(spec.name)) {
    error('name', words('engine-rules:spec.clusterName', { name: spec.name }))
  }
  const n = spec.members.length
  if (n < MIN_MEMBERS || n > MAX_MEMBERS) {
    error(
      'members',
      words('engine-rules:spec.memberCount', { min: MIN_MEMBERS, max: MAX_MEMBERS, got: n }),
    )
  } else if (n % 2 === 0) {
    issues.push({
      severity: 'warning',
      path: 'members',
      words: words('engine-rules:spec.evenMembers', {
        members: n,
        fewer: n - 1,
        quorum: n / 2 + 1,
      }),
    })
  }
  if (spec.etcdVersion !== 'system' && !VERSION_PATTERN.test(spec.etcdVersion)) {
    error('etcdVersion', words('engine-rules:spec.clusterVersion', { version: spec.etcdVersion }))
  }
  if (spec.bootstrap === 'discovery' && spec.fromSnapshot) {
    // A restored member already holds its membership: it would never ask the registry.
    error('bootstrap', words('engine-rules:spec.discoveryWithSnapshot'))
  }
  if (!HOST_PATTERN.test(spec.host)) {
    error('host', words('engine-rules:spec.host', { host: spec.host }))
  }
  return issues
}

/** Which port of a member: its field in the spec and its kind in messages (spec.port.<kind>). */
type PortField = 'clientPort' | 'peerPort' | 'proxyPort'
const PORT_KINDS: Record<PortField, 'client' | 'peer' | 'proxy'> = {
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
      words: words('engine-rules:spec.memberName', { name: m.name }),
    })
  }
  for (const { field, port } of portFields(m)) {
    if (!Number.isInteger(port) || port < MIN_PORT || port > MAX_PORT) {
      issues.push({
        severity: 'error',
        path: `members[${i}].${field}`,
        member: label,
        words: words('engine-rules:spec.portOutside', {
          member: label,
          kind: PORT_KINDS[field],
          port,
          min: MIN_PORT,
          max: MAX_PORT,
        }),
      })
    }
  }
  const hasProxy = m.proxyPort !== undefined
  if (networkFaults !== hasProxy) {
    issues.push({
      severity: 'error',
      path: `members[${i}].proxyPort`,
      member: label,
      words: words(
        networkFaults ? 'engine-rules:spec.proxyMissing' : 'engine-rules:spec.proxyStray',
        {
          member: label,
        },
      ),
    })
  }
  return issues
}

function checkDuplicates(spec: ClusterSpec): SpecIssue[] {
  const issues: SpecIssue[] = []
  const names = new Map<string, number>()
  const ports = new Map<number, { member: string; kind: string }>()
  spec.members.forEach((m, i) => {
    const seen = names.get(m.name)
    if (seen !== undefined) {
      issues.push({
        severity: 'error',
        path: `members[${i}].name`,
        member: m.name,
        words: words('engine-rules:spec.memberNameTwice', {
          name: m.name,
          first: seen + 1,
          second: i + 1,
        }),
      })
    } else names.set(m.name, i)
    for (const { field, port } of portFields(m)) {
      const owner = ports.get(port)
      const here = { member: m.name, kind: PORT_KINDS[field] }
      if (owner !== undefined) {
        issues.push({
          severity: 'error',
          path: `members[${i}].${field}`,
          member: m.name,
          words: words('engine-rules:spec.portTwice', {
            port,
            owner: owner.member,
            ownerKind: owner.kind,
            ...here,
          }),
        })
      } else ports.set(port, here)
    }
  })
  return issues
}
