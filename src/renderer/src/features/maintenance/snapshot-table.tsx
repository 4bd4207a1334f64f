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
        Loading snapshots…
      </p>
    )
  }
  if (snapshots.length === 0) return <p className="muted">No snapshot saved yet.</p>
  return (
    <>
      <div className="table-scroll">
        <table className="port-table" aria-label="Saved snapshots">
          <thead>
            <tr>
              <th scope="col">Snapshot</th>
              <th scope="col">From</th>
              <th scope="col">Revision</th>
              <th scope="col">Size</th>
              <th scope="col">Saved</th>
              <th scope="col">Actions</th>
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
                <td>{new Date(s.savedAt).toLocaleString()}</td>
                <td>
                  <div className="button-row button-row--tight">
                    {href ? (
                      <a
                        className="button-link"
                        href={href(s.id)}
                        download={s.id}
                        aria-label={`Download ${s.id}`}
                      >
                        Download
                      </a>
                    ) : (
                      <button
                        type="button"
                        className="button--small"
                        aria-label={`Save a copy of ${s.id}`}
                        disabled={exportCopy.isBusy}
                        onClick={() => void onExport(s.id)}
                      >
                        Save a copy…
                      </button>
                    )}
                    <button
                      type="button"
                      className="button--small"
                      aria-label={`Restore ${s.id} into a new cluster`}
                      onClick={() => props.onRestore(s.id)}
                    >
                      Restore into a new cluster
                    </button>
                    <button
                      type="button"
                      className="button--small button--danger-quiet"
                      aria-label={`Delete ${s.id}`}
                      onClick={() => setDeleting(s.id)}
                    >
                      Delete
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
          Saved a copy to <code className="break">{copied}</code>.
        </p>
      )}
      {exportCopy.error && (
        <ErrorMessage
          error={exportCopy.error}
          context="Could not save a copy"
          onDismiss={exportCopy.clearError}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this snapshot?"
          confirmLabel="Delete snapshot"
          onConfirm={() => void onDelete(deleting)}
          onCancel={() => {
            remove.clearError()
            setDeleting(null)
          }}
          isBusy={remove.isBusy}
          error={remove.error}
        >
          <p>
            <code className="break">{deleting}</code> is removed from the snapshots folder. Clusters
            restored from it keep their data. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </>
  )
}
