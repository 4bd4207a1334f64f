import type { MemberDiagnosis } from './status-entries'

const HEADERS = [
  'MEMBER',
  'STATE',
  'ENDPOINT',
  'ID',
  'VERSION',
  'DB SIZE',
  'IS LEADER',
  'IS LEARNER',
  'RAFT TERM',
  'RAFT INDEX',
  'RAFT APPLIED INDEX',
  'HEALTHY',
  'ERRORS',
]

/** Every member's status as a text table, in the spirit of `etcdctl endpoint status -w table`. */
export function statusTable(members: readonly MemberDiagnosis[]): string {
  const rows = members.map((m) => {
    const s = m.status
    const errors = [...(s?.errors ?? []), ...(m.note ? [m.note] : [])].join('; ')
    return [
      m.member,
      m.state,
      m.clientUrl,
      s?.id ?? '',
      s?.version ?? '',
      s?.dbSize === null || s?.dbSize === undefined ? '' : `${s.dbSize} B`,
      s ? String(s.isLeader) : '',
      s ? String(s.isLearner) : '',
      s?.raftTerm ?? '',
      s?.raftIndex ?? '',
      s?.raftAppliedIndex ?? '',
      s ? String(s.healthy) : '',
      errors,
    ]
  })
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)))
  const line = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`
  const row = (cells: readonly string[]) =>
    `|${cells.map((c, i) => ` ${c.padEnd(widths[i] ?? 0)} `).join('|')}|`
  return [line, row(HEADERS), line, ...rows.map(row), line, ''].join('\n')
}
