import type { MemberSpec } from '../../../../shared/cluster'
import type { SpecIssue } from '../../../../shared/validate-cluster-spec'
import type { VersionOption } from './etcd-version-options'
import { MemberVersionSelect } from './member-version-select'
import { messageAt } from './spec-issues'

/** Reads a port input; an empty or partial entry becomes 0, which validation reports. */
function toPort(text: string): number {
  const port = Number(text)
  return Number.isFinite(port) ? port : 0
}

/**
 * The ports preview: each member's name, client and peer port (and proxy port with network
 * faults, and its own etcd version with mixed versions), editable, with inline issues.
 */
export function MemberPortsEditor(props: {
  members: readonly MemberSpec[]
  host: string
  networkFaults: boolean
  issues: readonly SpecIssue[]
  onChange: (index: number, change: Partial<MemberSpec>) => void
  /** With mixed versions: the releases a member can run alone; absent, no version column. */
  versionOptions?: readonly VersionOption[] | null
  onVersionChange?: (index: number, version: string | null) => void
}) {
  const { members, host, networkFaults, issues, onChange, versionOptions } = props
  return (
    <table className="ports-editor">
      <caption>
        Ports (tutorial scheme: client 2379, 12379, 22379…; peer = client + 1
        {networkFaults && '; proxy = peer + 1000, advertised to the other members'})
      </caption>
      <thead>
        <tr>
          <th scope="col">Member</th>
          <th scope="col">Client port</th>
          <th scope="col">Peer port</th>
          {networkFaults && <th scope="col">Proxy port</th>}
          {versionOptions && <th scope="col">etcd version</th>}
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
              {networkFaults && (
                <ProxyPortCell
                  label={label}
                  host={host}
                  port={m.proxyPort}
                  issue={messageAt(issues, `members[${i}].proxyPort`)}
                  onChange={(proxyPort) => onChange(i, { proxyPort })}
                />
              )}
              {versionOptions && (
                <MemberVersionSelect
                  label={label}
                  value={m.etcdVersion}
                  options={versionOptions}
                  onChange={(version) => props.onVersionChange?.(i, version)}
                />
              )}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/** A member's proxy port (network faults): the port the other members dial to reach it. */
function ProxyPortCell(props: {
  label: string
  host: string
  port: number | undefined
  issue: string | undefined
  onChange: (port: number) => void
}) {
  return (
    <td>
      <input
        type="number"
        aria-label={`Proxy port of ${props.label}`}
        value={props.port || ''}
        aria-invalid={props.issue ? true : undefined}
        onChange={(e) => props.onChange(toPort(e.target.value))}
      />
      <span className="ports-editor__url">
        http://{props.host}:{props.port}
      </span>
      {props.issue && <p className="field__issue">{props.issue}</p>}
    </td>
  )
}
