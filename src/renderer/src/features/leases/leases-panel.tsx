import type { TFunction } from 'i18next'
import { Trans, useTranslation } from '../../i18n'
import { useId, useState } from 'react'
import type { ClusterView } from '../../../../shared/cluster'
import { DEFAULT_LEASE_PAGE, type LeaseView } from '../../../../shared/leases'
import { displayBytes } from '../shared/bytes'
import { EmptyState } from '../shared/empty-state'
import { ErrorMessage } from '../shared/error-message'
import { hasLiveMember } from '../shared/member-state'
import { useRequest } from '../shared/use-request'
import { GrantLeaseForm } from './grant-lease-form'
import { LeaseDetail } from './lease-detail'
import { formatSeconds } from '../shared/time-units'
import { leaseName } from './lease-texts'

/** A lease's first keys and how many it has, for its row. */
function keysText(lease: LeaseView, t: TFunction<'leases'>): string {
  if (lease.keyCount === null) return t('panel.tooMany')
  if (lease.keyCount === 0) return t('panel.none')
  const shown = lease.keys.map((k) => displayBytes(k, 80)).join(', ')
  return lease.keyCount > lease.keys.length
    ? t('panel.more', { shown, count: lease.keyCount })
    : shown
}

/**
 * The Leases tab: grant a lease, every lease of the cluster (paged, sorted by ID) with its TTL
 * left, granted TTL and first keys, and one lease opened (from the list or from a key's link).
 * Read when shown and after each change here; Refresh reads again (TTLs count down in etcd).
 */
export function LeasesPanel(props: {
  /** A local cluster, or an open connection's name (always up while open). */
  cluster: ClusterView | string
  /** The lease to show (a key's lease link), or null. */
  openLease: string | null
  onOpenLease: (leaseId: string | null) => void
}) {
  const { cluster } = props
  const name = typeof cluster === 'string' ? cluster : cluster.definition.name
  const ids = useId()
  const { t } = useTranslation('leases')
  const isUp = typeof cluster === 'string' || hasLiveMember(cluster)
  const [reads, setReads] = useState(0)
  const [pages, setPages] = useState<string[]>([])
  const after = pages[pages.length - 1]
  const list = useRequest(
    'leases:list',
    isUp ? { cluster: name, ...(after ? { after } : {}) } : null,
    [name, after, reads, isUp],
  )
  const reload = () => setReads((n) => n + 1)
  if (!isUp) {
    return (
      <EmptyState title={t('panel.stoppedTitle', { name })}>
        <Trans t={t} i18nKey="panel.stoppedBody" components={{ strong: <strong /> }} />
      </EmptyState>
    )
  }
  const page = list.data
  const first = pages.length * DEFAULT_LEASE_PAGE + 1
  return (
    <div className="maintenance-panel">
      <GrantLeaseForm
        cluster={name}
        onGranted={(lease) => {
          reload()
          props.onOpenLease(lease.id)
        }}
      />
      {props.openLease && (
        <LeaseDetail
          key={props.openLease}
          cluster={name}
          leaseId={props.openLease}
          onClose={() => props.onOpenLease(null)}
          onChanged={reload}
        />
      )}
      <section className="maintenance-section" aria-labelledby={`${ids}-title`}>
        <h3 id={`${ids}-title`}>{t('panel.title')}</h3>
        <div className="toolbar">
          <p className="muted" role="status">
            {list.isLoading && !page
              ? t('panel.reading')
              : page && page.total > 0
                ? t('panel.range', {
                    first,
                    last: first + page.leases.length - 1,
                    total: page.total,
                  })
                : t('panel.noLeases')}
          </p>
          <button type="button" onClick={reload}>
            {t('panel.refresh')}
          </button>
        </div>
        {list.error && <ErrorMessage error={list.error} context={t('panel.listFailed')} />}
        {page && page.leases.length > 0 && (
          <div className="table-scroll">
            <table className="port-table" aria-label={t('panel.table')}>
              <thead>
                <tr>
                  <th scope="col">{t('panel.lease')}</th>
                  <th scope="col">{t('panel.ttlLeft')}</th>
                  <th scope="col">{t('panel.grantedTtl')}</th>
                  <th scope="col">{t('panel.keys')}</th>
                </tr>
              </thead>
              <tbody>
                {page.leases.map((lease) => (
                  <tr key={lease.id} aria-current={lease.id === props.openLease || undefined}>
                    <th scope="row">
                      <button
                        type="button"
                        className="button--link mono"
                        aria-label={t('panel.openLease', { name: leaseName(lease.id) })}
                        onClick={() => props.onOpenLease(lease.id)}
                      >
                        {leaseName(lease.id)}
                      </button>
                    </th>
                    <td>{formatSeconds(lease.ttl)}</td>
                    <td>{formatSeconds(lease.grantedTtl)}</td>
                    <td className="mono break">{keysText(lease, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="button-row">
          {pages.length > 0 && (
            <button type="button" onClick={() => setPages([])}>
              {t('panel.firstPage')}
            </button>
          )}
          {page?.nextAfter && (
            <button type="button" onClick={() => setPages((p) => [...p, page.nextAfter ?? ''])}>
              {t('panel.nextPage')}
            </button>
          )}
        </div>
      </section>
    </div>
  )
}
