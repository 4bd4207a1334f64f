import { useId, useState } from 'react'
import { LEASE_DETAIL_KEYS } from '../../../../shared/leases'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { displayBytes } from '../shared/bytes'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { ErrorMessage } from '../shared/error-message'
import { useAction } from '../shared/use-action'
import { useRequest } from '../shared/use-request'
import { AttachKeyForm } from './attach-key-form'
import { formatSeconds, leaseName } from './lease-texts'

/**
 * One lease: TTL left and granted, its attached keys (the first LEASE_DETAIL_KEYS with the total),
 * keep-alive once, revoke (asks first: etcd deletes the keys) and a key put with it.
 */
export function LeaseDetail(props: {
  cluster: string
  leaseId: string
  onClose: () => void
  /** The list should read again (a lease renewed, revoked, or a key attached). */
  onChanged: () => void
}) {
  const { cluster, leaseId } = props
  const api = useApi()
  const ids = useId()
  const [reads, setReads] = useState(0)
  const [isConfirming, setConfirming] = useState(false)
  const lease = useRequest('leases:get', { cluster, lease: leaseId }, [cluster, leaseId, reads])
  const keepAlive = useAction(() => api.request('leases:keep-alive', { cluster, lease: leaseId }))
  const revoke = useAction(() => api.request('leases:revoke', { cluster, lease: leaseId }))
  const name = leaseName(leaseId)
  const view = lease.data?.id === leaseId ? lease.data : null
  const changed = () => {
    setReads((n) => n + 1)
    props.onChanged()
  }
  const onKeepAlive = async () => {
    const result = await keepAlive.run()
    if (result.ok) changed()
  }
  const onRevoke = async () => {
    const result = await revoke.run()
    if (!result.ok) return
    setConfirming(false)
    props.onChanged()
    props.onClose()
  }
  return (
    <section className="maintenance-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Lease {name}</h3>
      {lease.error && <ErrorMessage error={lease.error} context={`Could not read lease ${name}`} />}
      {view && (
        <>
          <dl className="key-meta">
            <dt>TTL left</dt>
            <dd>{formatSeconds(view.ttl)}</dd>
            <dt>Granted TTL</dt>
            <dd>{formatSeconds(view.grantedTtl)}</dd>
            <dt>Attached keys</dt>
            <dd>{view.keyCount ?? 'too many to list'}</dd>
          </dl>
          {view.keys.length > 0 && (
            <>
              <ul className="lease-keys" aria-label={`Keys attached to lease ${name}`}>
                {view.keys.map((key, i) => (
                  <li key={i} className="mono break">
                    {displayBytes(key, 300)}
                  </li>
                ))}
              </ul>
              {(view.keyCount ?? 0) > view.keys.length && (
                <p className="muted">
                  Showing the first {view.keys.length} of {view.keyCount} keys (at most{' '}
                  {LEASE_DETAIL_KEYS}).
                </p>
              )}
            </>
          )}
        </>
      )}
      <div className="button-row">
        <BusyButton isBusy={keepAlive.isBusy} onClick={() => void onKeepAlive()}>
          Keep alive once
        </BusyButton>
        <button type="button" className="button--danger-quiet" onClick={() => setConfirming(true)}>
          Revoke…
        </button>
        <button type="button" onClick={() => setReads((n) => n + 1)}>
          Refresh lease
        </button>
        <button type="button" onClick={props.onClose}>
          Close lease
        </button>
      </div>
      {keepAlive.error && (
        <ErrorMessage
          error={keepAlive.error}
          context={`Could not keep lease ${name} alive`}
          onDismiss={keepAlive.clearError}
        />
      )}
      <AttachKeyForm cluster={cluster} leaseId={leaseId} onAttached={changed} />
      {isConfirming && (
        <ConfirmDialog
          title={`Revoke lease ${name}?`}
          confirmLabel="Revoke lease"
          onConfirm={() => void onRevoke()}
          onCancel={() => {
            revoke.clearError()
            setConfirming(false)
          }}
          isBusy={revoke.isBusy}
          error={revoke.error}
        >
          <p>
            etcd deletes the lease and every key attached to it
            {view && view.keyCount !== null
              ? ` (${view.keyCount} ${view.keyCount === 1 ? 'key' : 'keys'})`
              : ''}{' '}
            in cluster <strong>{cluster}</strong>. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}
