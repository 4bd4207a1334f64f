import { useEffect, useId, useState } from 'react'
import type { ErrorData } from '../../../../shared/result'
import { endOfLifeNote } from '../create-cluster/end-of-life-note'
import { InstallProgressBar } from '../create-cluster/install-progress'
import { useReleaseCatalog } from '../create-cluster/release-catalog'
import { useReleaseInstall } from '../create-cluster/use-release-install'
import { useTranslation } from '../../i18n'
import { ErrorMessage } from '../shared/error-message'
import { settle } from '../shared/use-action'

/**
 * "Download a version": installs a release ahead of time (to use it later, also offline) with the
 * same progress bar and Cancel as the create dialog. Shown only when a release catalog is wired.
 */
export function DownloadReleaseForm(props: { onInstalled: () => void }) {
  const catalog = useReleaseCatalog()
  const id = useId()
  const { t } = useTranslation('settings')
  const [versions, setVersions] = useState<string[] | null>(null)
  const [chosen, setChosen] = useState('')
  const [loadError, setLoadError] = useState<ErrorData | null>(null)
  const [reloads, setReloads] = useState(0)
  const [installed, setInstalled] = useState<string | null>(null)
  const install = useReleaseInstall((version) => {
    setInstalled(version)
    setReloads((n) => n + 1)
    props.onInstalled()
  })
  useEffect(() => {
    if (!catalog) return
    let isCurrent = true
    void settle(() => catalog.listReleases()).then((list) => {
      if (!isCurrent) return
      setLoadError(list.ok ? null : list.error)
      const available = list.ok
        ? list.value.releases.filter((r) => r.isAvailable && !r.isInstalled).map((r) => r.version)
        : []
      setVersions(available)
      setChosen((current) => (available.includes(current) ? current : (available[0] ?? '')))
    })
    return () => {
      isCurrent = false
    }
  }, [catalog, reloads])
  if (!catalog) return null
  return (
    <form
      className="settings__import"
      aria-label={t('download.title')}
      onSubmit={(event) => {
        event.preventDefault()
        setInstalled(null)
        if (chosen) void install.install(chosen)
      }}
    >
      <h4>{t('download.title')}</h4>
      <p className="field__hint">{t('download.note')}</p>
      <div className="button-row">
        <label htmlFor={id} className="sr-only">
          {t('download.versionLabel')}
        </label>
        <select
          id={id}
          value={chosen}
          disabled={!versions || versions.length === 0 || install.isInstalling}
          onChange={(e) => setChosen(e.target.value)}
        >
          {versions === null && <option value="">{t('download.loading')}</option>}
          {versions?.length === 0 && <option value="">{t('download.allInstalled')}</option>}
          {versions?.map((v) => (
            <option key={v} value={v}>
              {t('download.option', { version: v, eol: endOfLifeNote(v) })}
            </option>
          ))}
        </select>
        {!install.isInstalling && (
          <button type="submit" disabled={!chosen}>
            {t('download.download')}
          </button>
        )}
        {installed && !install.isInstalling && (
          <span className="field__ok" role="status">
            {t('download.installed', { version: installed })}
          </span>
        )}
      </div>
      {install.progress && (
        <InstallProgressBar progress={install.progress} onCancel={install.cancel} />
      )}
      {install.error && (
        <ErrorMessage error={install.error} context={t('download.downloadFailed')} />
      )}
      {loadError && <ErrorMessage error={loadError} context={t('download.listFailed')} />}
    </form>
  )
}
