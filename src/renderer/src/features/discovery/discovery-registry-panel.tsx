import type { TFunction } from 'i18next'
import { Trans, useTranslation } from '../../i18n'
import type { ClusterView } from '../../../../shared/cluster'
import {
  registeredMembers,
  type DiscoveryRegistryView,
} from '../../../../shared/discovery-registry'
import { ErrorMessage } from '../shared/error-message'
import { RegistryTable } from './registry-table'
import { useDiscoveryRegistry } from './use-discovery-registry'

/** How far the registration went, in one sentence (read by screen readers as it changes). */
function progressOf(view: DiscoveryRegistryView, t: TFunction<'discovery'>): string {
  if (view.keys === null) return t('panel.notRunning')
  const joined = registeredMembers(view.keys).length
  const size = view.expectedSize
  return t(joined >= size ? 'panel.complete' : 'panel.progress', { joined, size })
}

/**
 * The Keys tab's "Discovery registry" of a cluster bootstrapped by discovery: the keys under its
 * token in the discovery etcd (the size, then one per member as it registers), asked again while
 * the cluster starts so they are seen filling up. Keys and values are shown as text.
 */
export function DiscoveryRegistryPanel(props: { cluster: ClusterView; isActive: boolean }) {
  const asked = useDiscoveryRegistry(props.cluster, props.isActive)
  // null before the first answer, and as the answer for a cluster bootstrapped statically.
  const view = asked.data
  const { t, i18n } = useTranslation('discovery')
  return (
    <section aria-labelledby="discovery-registry-title">
      <div className="toolbar">
        <h3 id="discovery-registry-title">{t('panel.title')}</h3>
        <button type="button" className="button--small" onClick={asked.reload}>
          {t('panel.refresh')}
        </button>
      </div>
      {view && (
        <p className="muted">
          <Trans
            t={t}
            i18nKey="panel.about"
            values={{
              token: view.token,
              url: view.url,
              prefix: view.prefix,
              size: view.expectedSize,
            }}
            components={{ code: <code /> }}
          />
        </p>
      )}
      {asked.error && (
        <ErrorMessage error={asked.error} context={t('panel.readFailed')} onRetry={asked.reload} />
      )}
      {view === null && !asked.error && (
        <p className="muted" role="status">
          {asked.isLoading ? t('panel.reading') : t('panel.notDiscovery')}
        </p>
      )}
      {view && <p role="status">{progressOf(view, t)}</p>}
      {view?.keys && <RegistryTable keys={view.keys} />}
      {view?.keys && view.total > view.keys.length && (
        <p className="muted">
          {t('panel.showing', { shown: view.keys.length, total: view.total })}
        </p>
      )}
      {view && (
        <p className="muted">
          {t('panel.readAt', { time: new Date(view.readAt).toLocaleTimeString(i18n.language) })}
        </p>
      )}
    </section>
  )
}
