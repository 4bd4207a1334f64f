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
import { formatSeconds, leaseName } from './lease-texts'

/** A lease's first keys and how many it has, for its row. */
function keysText(lease: LeaseView): string {
  if (lease.keyCount === null) return 'too many to list'
  if (lease.keyCount === 0) return 'none'
  const shown = lease.keys.map((k) => displayBytes(k, 80)).join(', ')
  return lease.keyCount > lease.keys.length ? `${shown} … (${lease.keyCount} keys)` : shown
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
      <EmptyState title={`Cluster ${name} is stopped`}>
        Click <strong>Start all</strong> to see and grant its leases.
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
        <h3 id={`${ids}-title`}>Leases</h3>
        <div className="toolbar">
          <p className="muted" role="status">
            {list.isLoading && !page
              ? 'Reading leases…'
              : page && page.total > 0
                ? `Leases ${first}–${first + page.leases.length - 1} of ${page.total}`
                : 'No leases.'}
          </p>
          <button type="button" onClick={reload}>
            Refresh leases
          </button>
        </div>
        {list.error && <ErrorMessage error={list.error} context="Could not list the leases" />}
        {page && page.leases.length > 0 && (
          <div className="table-scroll">
            <table className="port-table" aria-label="Leases">
              <thead>
                <tr>
                  <th scope="col">Lease</th>
                  <th scope="col">TTL left</th>
                  <th scope="col">Granted TTL</th>
                  <th scope="col">Keys</th>
                </tr>
              </thead>
              <tbody>
                {page.leases.map((lease) => (
                  <tr key={lease.id} aria-current={lease.id === props.openLease || undefined}>
                    <th scope="row">
                      <button
                        type="button"
                        className="button--link mono"
                        aria-label={`Open lease ${leaseName(lease.id)}`}
                        onClick={() => props.onOpenLease(lease.id)}
                      >
                        {leaseName(lease.id)}
                      </button>
                    </th>
                    <td>{formatSeconds(lease.ttl)}</td>
                    <td>{formatSeconds(lease.grantedTtl)}</td>
                    <td className="mono break">{keysText(lease)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="button-row">
          {pages.length > 0 && (
            <button type="button" onClick={() => setPages([])}>
              First page
            </button>
          )}
          {page?.nextAfter && (
            <button type="button" onClick={() => setPages((p) => [...p, page.nextAfter ?? ''])}>
              Next page
            </button>
          )}
        </div>
      </section>
    </div>
  )
}
