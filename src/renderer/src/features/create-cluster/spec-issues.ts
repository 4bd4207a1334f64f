import type { ClusterSpec, ClusterView } from '../../../../shared/cluster'
import { portsOf } from '../../../../shared/port-scheme'
import { validateClusterSpec, type SpecIssue } from '../../../../shared/validate-cluster-spec'

/** Everything wrong with a draft, checked in the window before anything is sent (as the engine does). */
export function draftIssues(spec: ClusterSpec, clusters: readonly ClusterView[]): SpecIssue[] {
  const issues = validateClusterSpec(spec)
  if (clusters.some((c) => c.definition.name === spec.name)) {
    issues.push({
      severity: 'error',
      path: 'name',
      message: `A cluster named ${spec.name} already exists.`,
    })
  }
  for (const other of clusters) {
    const theirs = new Set(portsOf(other.definition.members))
    spec.members.forEach((m, i) => {
      for (const field of ['clientPort', 'peerPort'] as const) {
        if (!theirs.has(m[field])) continue
        issues.push({
          severity: 'error',
          path: `members[${i}].${field}`,
          member: m.name,
          message: `Port ${m[field]} is already used by cluster ${other.definition.name}.`,
        })
      }
    })
  }
  return issues
}

/** The messages of the issues at one field path, joined; undefined when there are none. */
export function messageAt(issues: readonly SpecIssue[], path: string): string | undefined {
  const found = issues.filter((i) => i.path === path)
  return found.length > 0 ? found.map((i) => i.message).join(' ') : undefined
}
