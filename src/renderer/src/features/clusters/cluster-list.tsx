import type { ClusterView } from '../../../../shared/cluster'
import type { ErrorData } from '../../../../shared/result'
import { EmptyState } from '../shared/empty-state'
import { ErrorMessage } from '../shared/error-message'
import { StateBadge } from '../shared/state-badge'

/** The clusters sidebar: each cluster with its state, and the "Create cluster" button. */
export function ClusterList(props: {
  clusters: readonly ClusterView[]
  selected: string | null
  isLoaded: boolean
  error: ErrorData | null
  onSelect: (name: string) => void
  onCreate: () => void
  onRetry: () => void
}) {
  const { clusters, selected, onSelect } = props
  return (
    <nav className="cluster-list" aria-label="Clusters">
      <div className="cluster-list__head">
        <h2>Clusters</h2>
        <button type="button" className="button--primary" onClick={props.onCreate}>
          Create cluster
        </button>
      </div>
      {props.error && (
        <ErrorMessage
          error={props.error}
          context="Could not list clusters"
          onRetry={props.onRetry}
        />
      )}
      {!props.isLoaded && <p className="muted">Loading clusters…</p>}
      {props.isLoaded && !props.error && clusters.length === 0 && (
        <EmptyState title="No clusters yet">
          Click <strong>Create cluster</strong> to run a 3-member cluster on your machine, like in
          the etcd tutorial.
        </EmptyState>
      )}
      <ul className="cluster-list__items">
        {clusters.map((c) => {
          const name = c.definition.name
          const isSelected = name === selected
          return (
            <li key={name}>
              <button
                type="button"
                className={`cluster-list__item${isSelected ? ' is-selected' : ''}`}
                aria-current={isSelected ? 'true' : undefined}
                onClick={() => onSelect(name)}
              >
                <span className="cluster-list__name">{name}</span>
                <StateBadge state={c.state} />
                <span className="cluster-list__meta">
                  {c.members.length} {c.members.length === 1 ? 'member' : 'members'} · etcd{' '}
                  {c.definition.resolvedVersion}
                </span>
              </button>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
