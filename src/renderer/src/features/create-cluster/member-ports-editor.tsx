import type { MemberSpec } from '../../../../shared/cluster'
import { useTranslation } from '../../i18n'
import type { VersionOption } from './etcd-version-options'
import { MemberVersionSelect } from './member-version-select'
import { messageAt, type DraftIssue } from './spec-issues'

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
  issues: readonly DraftIssue[]
  onChange: (index: number, change: Partial<MemberSpec>) => void
  /** With mixed versions: the releases a member can run alone; absent, no version column. */
  versionOptions?: readonly VersionOption[] | null
  onVersionChange?: (index: number, version: string | null) => void
}) {
  const { members, host, networkFaults, issues, onChange, versionOptions } = props
  const { t } = useTranslation('create-cluster')
  return (
    <table className="ports-editor">
      <caption>
        {t('ports.caption')}
        {networkFaults && t('ports.captionProxy')}
        {t('ports.captionEnd')}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('ports.member')}</th>
          <th scope="col">{t('ports.client')}</th>
          <th scope="col">{t('ports.peer')}</th>
          {networkFaults && <th scope="col">{t('ports.proxy')}</th>}
          {versionOptions && <th scope="col">{t('ports.version')}</th>}
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
                  aria-label={t('ports.memberN', { n: i + 1 })}
                  value={m.name}
                  aria-invalid={nameIssue ? true : undefined}
                  onChange={(e) => onChange(i, { name: e.target.value })}
                />
                {nameIssue && <p className="field__issue">{nameIssue}</p>}
              </td>
              <td>
                <input
                  type="number"
                  aria-label={t('ports.clientOf', { member: label })}
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
                  aria-label={t('ports.peerOf', { member: label })}
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
  const { t } = useTranslation('create-cluster')
  return (
    <td>
      <input
        type="number"
        aria-label={t('ports.proxyOf', { member: props.label })}
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
