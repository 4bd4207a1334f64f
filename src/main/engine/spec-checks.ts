import type { ClusterDefinition, ClusterSpec } from '../../shared/cluster'
import { portsOf } from '../../shared/port-scheme'
import { validateClusterSpec, type SpecIssue } from '../../shared/validate-cluster-spec'

/** Checks a spec on its own and against the saved clusters: a name or port already taken. */
export function checkSpecAgainst(
  spec: ClusterSpec,
  saved: readonly ClusterDefinition[],
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
      for (const field of ['clientPort', 'peerPort'] as const) {
        if (!theirs.has(m[field])) continue
        issues.push({
          severity: 'error',
          path: `members[${i}].${field}`,
          member: m.name,
          message: `Port ${m[field]} of member ${m.name} is already used by cluster ${other.name}.`,
        })
      }
    })
  }
  return issues
}
