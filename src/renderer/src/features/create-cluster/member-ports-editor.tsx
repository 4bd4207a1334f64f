import type { MemberSpec } from '../../../../shared/cluster'
import type { SpecIssue } from '../../../../shared/validate-cluster-spec'
import { messageAt } from './spec-issues'

/** Reads a port input; an empty or partial entry becomes 0, which validation reports. */
function toPort(text: string): number {
  const port = Number(text)
  return Number.isFinite(port) ? port : 0
}

/** The ports preview: each member's name, client and peer port, editable, with inline issues. */
export function MemberPortsEditor(props: {
  members: readonly MemberSpec[]
  host: string
  issues: readonly SpecIssue[]
  onChange: (index: number, change: Partial<MemberSpec>) => void
}) {
  const { members, host, issues, onChange } = props
  return (
    <table className="ports-editor">
      <caption>Ports (tutorial scheme: client 2379, 12379, 22379…; peer = client + 1)</caption>
      <thead>
        <tr>
          <th scope="col">Member</th>
          <th scope="col">Client port</th>
          <th scope="col">Peer port</th>
        </tr>
      </thead>
      <tbody>
        {members.map((m, i) => {
          const label = m.name || `#${i + 1}`
          const nameIssue = messageAt(issues, `members[${i}].name`)
          const clientIssue = messageAt(issues, `members[${i}].clientPort`)
          const peerIssue = messageAt(issues, `members[${i}].peerPort`)
          return (
            <tr key={i}>
              <td>
                <input
                  aria-label={`Member ${i + 1}`}
                  value={m.name}
                  aria-invalid={nameIssue ? true : undefined}
                  onChange={(e) => onChange(i, { name: e.target.value })}
                />
                {nameIssue && <p className="field__issue">{nameIssue}</p>}
              </td>
              <td>
                <input
                  type="number"
                  aria-label={`Client port of ${label}`}
                  value={m.clientPort || ''}
                  aria-invalid={clientIssue ? true : undefined}
                  onChange={(e) => onChange(i, { clientPort: toPort(e.target.value) })}
                />
                <span className="ports-editor__url">
                  http://{host}:{m.clientPort}
                </span>
                {clientIssue && <p className="field__issue">{clientIssue}</p>}
              </td>
              <td>
                <input
                  type="number"
                  aria-label={`Peer port of ${label}`}
                  value={m.peerPort || ''}
                  aria-invalid={peerIssue ? true : undefined}
                  onChange={(e) => onChange(i, { peerPort: toPort(e.target.value) })}
                />
                <span className="ports-editor__url">
                  http://{host}:{m.peerPort}
                </span>
                {peerIssue && <p className="field__issue">{peerIssue}</p>}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
