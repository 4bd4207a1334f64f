import { Trans, useTranslation } from '../../i18n'
import { useState } from 'react'
import type { SnapshotInfo } from '../../../../shared/maintenance'
import { useApi } from '../shared/api-context'
import { formatBytes } from '../shared/bytes'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { ErrorMessage } from '../shared/error-message'
import { useAction } from '../shared/use-action'
import { useSnapshotHref } from './snapshot-links'

/** Every saved snapshot with its origin, revision, size and time, and what can be done with it. */
export function SnapshotTable(props: {
  snapshots: SnapshotInfo[] | null
  onChanged: () => void
  onRestore: (id: string) => void
}) {
  const { snapshots } = props
  const api = useApi()
  const href = useSnapshotHref()
  const { t, i18n } = useTranslation('maintenance')
  const [deleting, setDeleting] = useState<string | null>(null)
  const [copied, setCopied] = useState<string | null>(null)
  const remove = useAction((id: string) => api.request('maintenance:snapshot-delete', { id }))
  const exportCopy = useAction((id: string) => api.request('maintenance:snapshot-export', { id }))
  const onDelete = async (id: string) => {
    const result = await remove.run(id)
    if (!result.ok) return
    setDeleting(null)
    props.onChanged()
  }
  const onExport = async (id: string) => {
    setCopied(null)
    const result = await exportCopy.run(id)
    if (result.ok && result.value) setCopied(result.value.path)
  }
  if (snapshots === null) {
    return (
      <p className="muted" role="status">
        {t('snapshotTable.loading')}
      </p>
    )
  }
  if (snapshots.length === 0) return <p className="muted">{t('snapshotTable.none')}</p>
  return (
    <>
      <div className="table-scroll">
        <table className="port-table" aria-label={t('snapshotTable.label')}>
          <thead>
            <tr>
              <th scope="col">{t('snapshotTable.snapshot')}</th>
              <th scope="col">{t('snapshotTable.from')}</th>
              <th scope="col">{t('snapshotTable.revision')}</th>
              <th scope="col">{t('snapshotTable.size')}</th>
              <th scope="col">{t('snapshotTable.saved')}</th>
              <th scope="col">{t('snapshotTable.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {snapshots.map((s) => (
              <tr key={s.id}>
                <th scope="row" className="mono break">
                  {s.id}
                </th>
                <td>{s.cluster ? `${s.cluster} / ${s.member} (etcd ${s.etcdVersion})` : '—'}</td>
                <td className="mono">{s.revision ?? '—'}</td>
                <td>{formatBytes(s.bytes)}</td>
                <td>{new Date(s.savedAt).toLocaleString(i18n.language)}</td>
                <td>
                  <div className="button-row button-row--tight">
                    {href ? (
                      <a
                        className="button-link"
                        href={href(s.id)}
                        download={s.id}
                        aria-label={t('snapshotTable.downloadLabel', { id: s.id })}
                      >
                        {t('snapshotTable.download')}
                      </a>
                    ) : (
                      <button
                        type="button"
                        className="button--small"
                        aria-label={t('snapshotTable.saveCopyLabel', { id: s.id })}
                        disabled={exportCopy.isBusy}
                        onClick={() => void onExport(s.id)}
                      >
                        {t('snapshotTable.saveCopy')}
                      </button>
                    )}
                    <button
                      type="button"
                      className="button--small"
                      aria-label={t('snapshotTable.restoreLabel', { id: s.id })}
                      onClick={() => props.onRestore(s.id)}
                    >
                      {t('snapshotTable.restore')}
                    </button>
                    <button
                      type="button"
                      className="button--small button--danger-quiet"
                      aria-label={t('snapshotTable.deleteLabel', { id: s.id })}
                      onClick={() => setDeleting(s.id)}
                    >
                      {t('snapshotTable.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {copied && (
        <p className="muted" role="status">
          <Trans
            t={t}
            i18nKey="snapshotTable.copied"
            values={{ path: copied }}
            components={{ code: <code className="break" /> }}
          />
        </p>
      )}
      {exportCopy.error && (
        <ErrorMessage
          error={exportCopy.error}
          context={t('snapshotTable.copyFailed')}
          onDismiss={exportCopy.clearError}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('snapshotTable.deleteTitle')}
          confirmLabel={t('snapshotTable.deleteConfirm')}
          onConfirm={() => void onDelete(deleting)}
          onCancel={() => {
            remove.clearError()
            setDeleting(null)
          }}
          isBusy={remove.isBusy}
          error={remove.error}
        >
          <p>
            <Trans
              t={t}
              i18nKey="snapshotTable.deleteBody"
              values={{ id: deleting }}
              components={{ code: <code className="break" /> }}
            />
          </p>
        </ConfirmDialog>
      )}
    </>
  )
}
