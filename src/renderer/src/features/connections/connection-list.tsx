import type { ConnectionView } from '../../../../shared/connections'
import type { ErrorData } from '../../../../shared/result'
import { useTranslation } from '../../i18n'
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
  const { t } = useTranslation('connections')
  return (
    <nav className="cluster-list" aria-label={t('list.label')}>
      <div className="cluster-list__head">
        <h2>{t('list.title')}</h2>
        <button type="button" onClick={props.onConnect}>
          {t('list.connect')}
        </button>
      </div>
      {props.error && (
        <ErrorMessage error={props.error} context={t('list.listFailed')} onRetry={props.onRetry} />
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
                <span className="badge badge--remote">
                  {t(c.readOnly ? 'list.readOnly' : 'list.remote')}
                </span>
                <span className="cluster-list__meta">
                  {[
                    t('list.endpoints', { count: c.endpoints.length }),
                    c.tls ? 'TLS' : null,
                    c.tls?.skipServerVerification ? t('list.unverified') : null,
                    c.username,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </button>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
