import { useId } from 'react'
import type { KeyVersion } from '../../../../shared/key-history'
import { formatBytes, leaseToHex } from '../shared/bytes'

/** The two versions compared, by mod revision. */
export interface Comparison {
  from: string
  to: string
}

/**
 * A key's versions, newest first: revision, "time unknown" (etcd stores none), size and lease;
 * two radio columns choose the versions to compare, and every older version can be restored.
 */
export function HistoryTable(props: {
  versions: KeyVersion[]
  comparison: Comparison | null
  onCompare: (comparison: Comparison) => void
  onRestore: (version: KeyVersion) => void
  isRestoreDisabled: boolean
}) {
  const { versions, comparison } = props
  const newest = versions[0]
  const group = useId()
  return (
    <table className="history-table" aria-label="Versions">
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Mod revision</th>
          <th scope="col">Time</th>
          <th scope="col">Size</th>
          <th scope="col">Lease</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => {
          const name = `version ${v.version} (revision ${v.modRevision})`
          const isCurrent = v === newest
          return (
            <tr key={v.modRevision} aria-label={`Version ${v.version}`}>
              <th scope="row">
                {v.version}
                {isCurrent && <span className="history-table__current"> current</span>}
              </th>
              <td className="mono">{v.modRevision}</td>
              <td className="muted">time unknown</td>
              <td>{formatBytes(v.value.length)}</td>
              <td className="mono">{v.lease === '0' ? 'none' : leaseToHex(v.lease)}</td>
              <td>
                <input
                  type="radio"
                  name={`${group}-from`}
                  aria-label={`Compare from ${name}`}
                  checked={comparison?.from === v.modRevision}
                  onChange={() =>
                    props.onCompare({ from: v.modRevision, to: comparison?.to ?? v.modRevision })
                  }
                />
              </td>
              <td>
                <input
                  type="radio"
                  name={`${group}-to`}
                  aria-label={`Compare to ${name}`}
                  checked={comparison?.to === v.modRevision}
                  onChange={() =>
                    props.onCompare({ from: comparison?.from ?? v.modRevision, to: v.modRevision })
                  }
                />
              </td>
              <td>
                {!isCurrent && (
                  <button
                    type="button"
                    className="button--small"
                    aria-label={`Restore ${name}`}
                    disabled={props.isRestoreDisabled}
                    onClick={() => props.onRestore(v)}
                  >
                    Restore
                  </button>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
