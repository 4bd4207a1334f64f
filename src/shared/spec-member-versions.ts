import type { ClusterSpec } from './cluster'
import { VERSION_PATTERN } from './cluster-rules'
import { words, type EngineWords } from './engine-words/engine-words'
import { lineIndex, lineOf } from './etcd-lines'
import type { SpecIssue } from './validate-cluster-spec'

/**
 * Members with their own versions (a mixed-version cluster): each a version etcd Desk runs, and
 * all within two adjacent lines, the only mix etcd supports (the cluster runs at the lowest).
 */
export function checkMemberVersions(spec: ClusterSpec): SpecIssue[] {
  const issues: SpecIssue[] = []
  // member null: the cluster's own version.
  const lines: { member: string | null; line: number; version: string }[] = []
  if (spec.etcdVersion !== 'system' && lineOf(spec.etcdVersion)) {
    lines.push({
      member: null,
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
        words: words('engine-rules:spec.memberVersion', { member: label, version: m.etcdVersion }),
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
      member: high.member ?? 'the cluster',
      words: linesApart(high, low),
    })
  }
  return issues
}

/** Two versions too far apart, in words (either may be the cluster's own, member null). */
function linesApart(
  high: { member: string | null; version: string },
  low: { member: string | null; version: string },
): EngineWords {
  const versions = { highVersion: high.version, lowVersion: low.version }
  if (high.member === null) {
    return words('engine-rules:spec.linesApartClusterHigh', { ...versions, low: low.member ?? '' })
  }
  if (low.member === null) {
    return words('engine-rules:spec.linesApartClusterLow', { ...versions, high: high.member })
  }
  return words('engine-rules:spec.linesApart', { ...versions, high: high.member, low: low.member })
}
