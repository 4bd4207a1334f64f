import { useId, useState } from 'react'
import { isEndOfLife } from '../../../../shared/etcd-lines'
import type { InstalledRelease } from '../../../../shared/releases'
import type { ErrorData } from '../../../../shared/result'
import { useApi } from '../shared/api-context'
import { formatBytes } from '../shared/bytes'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { ErrorMessage } from '../shared/error-message'
import { useAction } from '../shared/use-action'
import { DownloadReleaseForm } from './download-release-form'
import { ImportArchiveForm } from './import-archive-form'
import { describeSource } from './use-installed-releases'

/** Installed etcd releases (size, source, verified) with Remove, "Download a version" and "Import archive…". */
export function ReleasesSection(props: {
  releases: readonly InstalledRelease[] | null
  error: ErrorData | null
  onReload: () => void
}) {
  const api = useApi()
  const headingId = useId()
  const [removing, setRemoving] = useState<InstalledRelease | null>(null)
  const remove = useAction((version: string) => api.request('releases:remove', { version }))
  const { releases } = props
  const confirmRemove = async () => {
    if (!removing) return
    const result = await remove.run(removing.version)
    if (!result.ok) return
    setRemoving(null)
    props.onReload()
  }
  return (
    <section className="settings__section" aria-labelledby={headingId}>
      <h3 id={headingId}>etcd releases</h3>
      {props.error && (
        <ErrorMessage
          error={props.error}
          context="Could not list the installed releases"
          onRetry={props.onReload}
        />
      )}
      {!releases && !props.error && <p className="muted">Loading installed releases…</p>}
      {releases?.length === 0 && (
        <p className="muted">
          No etcd release is installed yet. Versions you download (below, or when creating a
          cluster) or import appear here.
        </p>
      )}
      {releases && releases.length > 0 && (
        <div className="table-scroll">
          <table className="port-table" aria-label="Installed etcd releases">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Size</th>
                <th scope="col">Source</th>
                <th scope="col">Checksum</th>
                <th scope="col">Installed</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {releases.map((r) => (
                <tr key={r.version}>
                  <th scope="row" title={r.dir}>
                    <span>etcd {r.version}</span>
                    {isEndOfLife(r.version) && (
                      <>
                        {' '}
                        <span className="tag tag--warn">end of life</span>
                      </>
                    )}
                  </th>
                  <td>{formatBytes(r.sizeBytes)}</td>
                  <td title={r.source}>{describeSource(r.source)}</td>
                  <td>
                    <span className={r.isVerified ? 'tag' : 'tag tag--warn'}>
                      {r.isVerified ? 'Verified' : 'Unverified'}
                    </span>
                  </td>
                  <td>{r.installedAt ? new Date(r.installedAt).toLocaleDateString() : '—'}</td>
                  <td>
                    <button
                      type="button"
                      className="button--small button--danger-quiet"
                      aria-label={`Remove etcd ${r.version}`}
                      onClick={() => {
                        remove.clearError()
                        setRemoving(r)
                      }}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <DownloadReleaseForm onInstalled={props.onReload} />
      <ImportArchiveForm onImported={props.onReload} />
      {removing && (
        <ConfirmDialog
          title={`Remove etcd ${removing.version}?`}
          confirmLabel="Remove"
          onConfirm={() => void confirmRemove()}
          onCancel={() => setRemoving(null)}
          isBusy={remove.isBusy}
          error={remove.error}
        >
          <p>
            Deletes <code>{removing.dir}</code> ({formatBytes(removing.sizeBytes)}). Clusters that
            need this version again will have to download it.
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}
