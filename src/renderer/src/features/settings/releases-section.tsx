import { useId, useState } from 'react'
import { isEndOfLife } from '../../../../shared/etcd-lines'
import type { InstalledRelease } from '../../../../shared/releases'
import type { ErrorData } from '../../../../shared/result'
import { Trans, useTranslation } from '../../i18n'
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
  const { t, i18n } = useTranslation('settings')
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
      <h3 id={headingId}>{t('releases.title')}</h3>
      {props.error && (
        <ErrorMessage
          error={props.error}
          context={t('releases.listFailed')}
          onRetry={props.onReload}
        />
      )}
      {!releases && !props.error && <p className="muted">{t('releases.loading')}</p>}
      {releases?.length === 0 && <p className="muted">{t('releases.none')}</p>}
      {releases && releases.length > 0 && (
        <div className="table-scroll">
          <table className="port-table" aria-label={t('releases.table')}>
            <thead>
              <tr>
                <th scope="col">{t('releases.version')}</th>
                <th scope="col">{t('releases.size')}</th>
                <th scope="col">{t('releases.source')}</th>
                <th scope="col">{t('releases.checksum')}</th>
                <th scope="col">{t('releases.installed')}</th>
                <th scope="col">
                  <span className="sr-only">{t('releases.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {releases.map((r) => (
                <tr key={r.version}>
                  <th scope="row" title={r.dir}>
                    <span>{t('releases.release', { version: r.version })}</span>
                    {isEndOfLife(r.version) && (
                      <>
                        {' '}
                        <span className="tag tag--warn">{t('releases.endOfLife')}</span>
                      </>
                    )}
                  </th>
                  <td>{formatBytes(r.sizeBytes)}</td>
                  <td title={r.source}>{describeSource(r.source, t)}</td>
                  <td>
                    <span className={r.isVerified ? 'tag' : 'tag tag--warn'}>
                      {r.isVerified ? t('releases.verified') : t('releases.unverified')}
                    </span>
                  </td>
                  <td>
                    {r.installedAt
                      ? new Date(r.installedAt).toLocaleDateString(i18n.language)
                      : '—'}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button--small button--danger-quiet"
                      aria-label={t('releases.removeAria', { version: r.version })}
                      onClick={() => {
                        remove.clearError()
                        setRemoving(r)
                      }}
                    >
                      {t('releases.remove')}
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
          title={t('releases.removeTitle', { version: removing.version })}
          confirmLabel={t('releases.remove')}
          onConfirm={() => void confirmRemove()}
          onCancel={() => setRemoving(null)}
          isBusy={remove.isBusy}
          error={remove.error}
        >
          <p>
            <Trans
              t={t}
              i18nKey="releases.removeBody"
              values={{ dir: removing.dir, size: formatBytes(removing.sizeBytes) }}
              components={{ code: <code /> }}
            />
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}
