import type { ClusterView } from '../../../../shared/cluster'
import type { ErrorData } from '../../../../shared/result'
import { Trans, useTranslation } from '../../i18n'
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
  const { t } = useTranslation('clusters')
  return (
    <nav className="cluster-list" aria-label={t('list.label')}>
      <div className="cluster-list__head">
        <h2>{t('list.title')}</h2>
        <button type="button" className="button--primary" onClick={props.onCreate}>
          {t('list.create')}
        </button>
      </div>
      {props.error && (
        <ErrorMessage error={props.error} context={t('list.listFailed')} onRetry={props.onRetry} />
      )}
      {!props.isLoaded && <p className="muted">{t('list.loading')}</p>}
      {props.isLoaded && !props.error && clusters.length === 0 && (
        <EmptyState title={t('list.emptyTitle')}>
          <Trans t={t} i18nKey="list.emptyBody" components={{ strong: <strong /> }} />
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
                  {t('list.meta', {
                    count: c.members.length,
                    version: c.definition.resolvedVersion,
                  })}
                </span>
              </button>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
