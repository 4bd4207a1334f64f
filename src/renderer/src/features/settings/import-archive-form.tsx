import { useState } from 'react'
import type { InstalledBinaryView } from '../../../../shared/contract'
import type { ErrorData } from '../../../../shared/result'
import { importArchiveRequestSchema } from '../../../../shared/releases'
import { useTranslation } from '../../i18n'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { ErrorMessage } from '../shared/error-message'
import { useAction } from '../shared/use-action'
import { FormField } from './form-field'

interface ImportRequest {
  path: string
  sha256sumsPath?: string
  allowUnverified?: boolean
}

/**
 * "Import archive…": installs an etcd release archive already on this computer. Without a
 * SHA256SUMS the engine answers CHECKSUM_MISSING; then the user may confirm an unverified install.
 */
export function ImportArchiveForm(props: { onImported: () => void }) {
  const api = useApi()
  const { t } = useTranslation('settings')
  const [path, setPath] = useState('')
  const [sumsPath, setSumsPath] = useState('')
  const [pathError, setPathError] = useState<string | undefined>()
  const [unverified, setUnverified] = useState<{ request: ImportRequest; error: ErrorData } | null>(
    null,
  )
  const [installed, setInstalled] = useState<InstalledBinaryView | null>(null)
  const importArchive = useAction((request: ImportRequest) =>
    api.request('releases:import', request),
  )
  const send = async (request: ImportRequest) => {
    setInstalled(null)
    const result = await importArchive.run(request)
    if (result.ok) {
      setUnverified(null)
      setInstalled(result.value)
      setPath('')
      setSumsPath('')
      props.onImported()
    } else if (result.error.code === 'CHECKSUM_MISSING' && !request.allowUnverified) {
      importArchive.clearError()
      setUnverified({ request, error: result.error })
    }
  }
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    const request = {
      path: path.trim(),
      ...(sumsPath.trim() && { sha256sumsPath: sumsPath.trim() }),
    }
    const checked = importArchiveRequestSchema.safeParse(request)
    const issue = checked.success ? undefined : checked.error.issues[0]
    setPathError(
      issue &&
        (issue.path[0] === 'path' && request.path === '' ? t('import.enterPath') : issue.message),
    )
    if (!issue) void send(request)
  }
  return (
    <form className="settings__import" onSubmit={submit} noValidate aria-label={t('import.title')}>
      <h4>{t('import.title')}</h4>
      <p className="field__hint">{t('import.note')}</p>
      <div className="settings__row">
        <FormField label={t('import.path')} error={pathError}>
          {(wiring) => (
            <input
              {...wiring}
              className="settings__path"
              placeholder="/home/me/Downloads/etcd-v3.5.17-linux-amd64.tar.gz"
              spellCheck={false}
              value={path}
              onChange={(e) => setPath(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('import.sums')} note={t('import.optional')}>
          {(wiring) => (
            <input
              {...wiring}
              className="settings__path"
              spellCheck={false}
              value={sumsPath}
              onChange={(e) => setSumsPath(e.target.value)}
            />
          )}
        </FormField>
      </div>
      <div className="button-row">
        <BusyButton type="submit" isBusy={importArchive.isBusy}>
          {t('import.import')}
        </BusyButton>
        {importArchive.isBusy && (
          <span className="muted" role="status">
            {t('import.checking')}
          </span>
        )}
        {installed && (
          <span className="field__ok" role="status">
            {t('import.installed', { version: installed.version })}
          </span>
        )}
      </div>
      {importArchive.error && !unverified && (
        <ErrorMessage error={importArchive.error} context={t('import.failed')} />
      )}
      {unverified && (
        <ConfirmDialog
          title={t('import.unverifiedTitle')}
          confirmLabel={t('import.installUnverified')}
          onConfirm={() => void send({ ...unverified.request, allowUnverified: true })}
          onCancel={() => setUnverified(null)}
          isBusy={importArchive.isBusy}
          error={importArchive.error}
        >
          <p>{unverified.error.message}</p>
          <p>{t('import.unverifiedBody')}</p>
        </ConfirmDialog>
      )}
    </form>
  )
}
