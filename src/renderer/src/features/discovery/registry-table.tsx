import {
  registrationOf,
  type RegistryKey,
  type RegistryKeyKind,
} from '../../../../shared/discovery-registry'
import { assertNever } from '../../../../shared/result'

/** Most characters of a key or value shown: registry values are short; longer ones were typed in. */
const MAX_SHOWN_CHARS = 300

/** Text cut to MAX_SHOWN_CHARS (shown as text only, never as HTML). */
function clip(text: string): string {
  return text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS)}…` : text
}

/** What a key means, in words. */
function meaningOf(entry: RegistryKey): string {
  const kind: RegistryKeyKind = entry.kind
  switch (kind) {
    case 'size':
      return `Cluster size: ${entry.value}`
    case 'member': {
      const registration = registrationOf(entry.value)
      return registration
        ? `Member ${registration.name}, peer URL ${registration.peerUrls.join(', ')}`
        : 'A registration etcd cannot read'
    }
    case 'other':
      return 'Not written by etcd discovery'
    default:
      return assertNever(kind)
  }
}

/** The keys under a token, in the order they were written, each with what it means. */
export function RegistryTable(props: { keys: readonly RegistryKey[] }) {
  return (
    <div className="table-scroll">
      <table className="port-table" aria-label="Discovery registry keys">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Value</th>
            <th scope="col">What it is</th>
          </tr>
        </thead>
        <tbody>
          {props.keys.map((entry) => (
            <tr key={entry.key}>
              <th scope="row" className="mono break">
                {clip(entry.key)}
              </th>
              <td className="mono break">{clip(entry.value)}</td>
              <td>{clip(meaningOf(entry))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
