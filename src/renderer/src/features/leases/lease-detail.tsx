import { Trans, useTranslation } from '../../i18n'
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
import { formatSeconds } from '../shared/time-units'
import { leaseName } from './lease-texts'

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
  const { t } = useTranslation('leases')
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
      <h3 id={`${ids}-title`}>{t('detail.title', { name })}</h3>
      {lease.error && (
        <ErrorMessage error={lease.error} context={t('detail.readFailed', { name })} />
      )}
      {view && (
        <>
          <dl className="key-meta">
            <dt>{t('detail.ttlLeft')}</dt>
            <dd>{formatSeconds(view.ttl)}</dd>
            <dt>{t('detail.grantedTtl')}</dt>
            <dd>{formatSeconds(view.grantedTtl)}</dd>
            <dt>{t('detail.attached')}</dt>
            <dd>{view.keyCount ?? t('detail.tooMany')}</dd>
          </dl>
          {view.keys.length > 0 && (
            <>
              <ul className="lease-keys" aria-label={t('detail.keysLabel', { name })}>
                {view.keys.map((key, i) => (
                  <li key={i} className="mono break">
                    {displayBytes(key, 300)}
                  </li>
                ))}
              </ul>
              {(view.keyCount ?? 0) > view.keys.length && (
                <p className="muted">
                  {t('detail.showing', {
                    shown: view.keys.length,
                    total: view.keyCount,
                    max: LEASE_DETAIL_KEYS,
                  })}
                </p>
              )}
            </>
          )}
        </>
      )}
      <div className="button-row">
        <BusyButton isBusy={keepAlive.isBusy} onClick={() => void onKeepAlive()}>
          {t('detail.keepAlive')}
        </BusyButton>
        <button type="button" className="button--danger-quiet" onClick={() => setConfirming(true)}>
          {t('detail.revoke')}
        </button>
        <button type="button" onClick={() => setReads((n) => n + 1)}>
          {t('detail.refresh')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('detail.close')}
        </button>
      </div>
      {keepAlive.error && (
        <ErrorMessage
          error={keepAlive.error}
          context={t('detail.keepAliveFailed', { name })}
          onDismiss={keepAlive.clearError}
        />
      )}
      <AttachKeyForm cluster={cluster} leaseId={leaseId} onAttached={changed} />
      {isConfirming && (
        <ConfirmDialog
          title={t('detail.revokeTitle', { name })}
          confirmLabel={t('detail.revokeConfirm')}
          onConfirm={() => void onRevoke()}
          onCancel={() => {
            revoke.clearError()
            setConfirming(false)
          }}
          isBusy={revoke.isBusy}
          error={revoke.error}
        >
          <p>
            {view && view.keyCount !== null ? (
              <Trans
                t={t}
                i18nKey="detail.revokeBodyCount"
                count={view.keyCount}
                values={{ cluster }}
                components={{ strong: <strong /> }}
              />
            ) : (
              <Trans
                t={t}
                i18nKey="detail.revokeBody"
                values={{ cluster }}
                components={{ strong: <strong /> }}
              />
            )}
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}
