import type { ConnectionView } from '../../../../shared/connections'
import type { ErrorData } from '../../../../shared/result'
import { ErrorMessage } from '../shared/error-message'

/**
 * The sidebar's connected clusters (clusters etcd Desk did not create), each with its own
 * badge, and the "Connect to cluster" button.
 */
export function ConnectionList(props: {
  connections: readonly ConnectionView[]
  selected: string | null
  error: ErrorData | null
  onSelect: (name: string) => void
  onConnect: () => void
  onRetry: () => void
}) {
  return (
    <nav className="cluster-list" aria-label="Connected clusters">
      <div className="cluster-list__head">
        <h2>Connected</h2>
        <button type="button" onClick={props.onConnect}>
          Connect to cluster
        </button>
      </div>
      {props.error && (
        <ErrorMessage
          error={props.error}
          context="Could not list connections"
          onRetry={props.onRetry}
        />
      )}
      <ul className="cluster-list__items">
        {props.connections.map((c) => {
          const isSelected = c.name === props.selected
          return (
            <li key={c.name}>
              <button
                type="button"
                className={`cluster-list__item${isSelected ? ' is-selected' : ''}`}
                aria-current={isSelected ? 'true' : undefined}
                onClick={() => props.onSelect(c.name)}
              >
                <span className="cluster-list__name">{c.name}</span>
                <span className="badge badge--remote">{c.readOnly ? 'read-only' : 'remote'}</span>
                <span className="cluster-list__meta">
                  {c.endpoints.length} {c.endpoints.length === 1 ? 'endpoint' : 'endpoints'}
                  {c.tls ? ' · TLS' : ''}
                  {c.username ? ` · ${c.username}` : ''}
                </span>
              </button>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
