import { useId } from 'react'
import type { ClusterOptions, ClusterSpec } from '../../../../shared/cluster'
import { MAX_QUOTA_BACKEND_BYTES, MIN_QUOTA_BACKEND_BYTES } from '../../../../shared/cluster-schema'
import { Trans, useTranslation } from '../../i18n'
import { formatBytes } from '../shared/bytes'
import { useRequest } from '../shared/use-request'

const MIB = 1024 * 1024

/**
 * The create dialog's maintenance options: a space quota (etcd's --quota-backend-bytes, so the
 * NOSPACE drill can trip) and a saved snapshot every member is restored from.
 */
export function MaintenanceOptionsFields(props: {
  spec: ClusterSpec
  onChange: (options: ClusterOptions) => void
}) {
  const { spec } = props
  const ids = useId()
  const { t } = useTranslation('create-cluster')
  const snapshots = useRequest('maintenance:snapshots', {}, [])
  const quotaMiB = spec.quotaBackendBytes ? spec.quotaBackendBytes / MIB : null
  const chosen = snapshots.data?.find((s) => s.id === spec.fromSnapshot)
  return (
    <div className="advanced-options__grid">
      <div className="field">
        <label htmlFor={`${ids}-quota`}>{t('maintenance.quota')}</label>
        <input
          id={`${ids}-quota`}
          type="number"
          min={MIN_QUOTA_BACKEND_BYTES / MIB}
          max={MAX_QUOTA_BACKEND_BYTES / MIB}
          step={1}
          placeholder={t('maintenance.quotaPlaceholder')}
          value={quotaMiB ?? ''}
          onChange={(e) => {
            const mib = Math.round(Number(e.target.value))
            const bytes = e.target.value === '' || !Number.isFinite(mib) ? undefined : mib * MIB
            const inRange =
              bytes !== undefined &&
              bytes >= MIN_QUOTA_BACKEND_BYTES &&
              bytes <= MAX_QUOTA_BACKEND_BYTES
            props.onChange({ quotaBackendBytes: inRange ? bytes : undefined })
          }}
        />
        <p className="field__hint">
          <Trans
            t={t}
            i18nKey="maintenance.quotaHint"
            values={{
              min: formatBytes(MIN_QUOTA_BACKEND_BYTES),
              max: formatBytes(MAX_QUOTA_BACKEND_BYTES),
            }}
            components={{ code: <code /> }}
          />
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-snapshot`}>{t('maintenance.fromSnapshot')}</label>
        <select
          id={`${ids}-snapshot`}
          value={spec.fromSnapshot ?? ''}
          onChange={(e) => props.onChange({ fromSnapshot: e.target.value || undefined })}
        >
          <option value="">{t('maintenance.none')}</option>
          {spec.fromSnapshot && !chosen && (
            <option value={spec.fromSnapshot}>{spec.fromSnapshot}</option>
          )}
          {snapshots.data?.map((s) => (
            <option key={s.id} value={s.id}>
              {s.id}
              {s.revision ? t('maintenance.revision', { revision: s.revision }) : ''}
            </option>
          ))}
        </select>
        <p className="field__hint">{t('maintenance.snapshotHint')}</p>
      </div>
    </div>
  )
}
