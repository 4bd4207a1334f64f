import { Trans, useTranslation } from '../../i18n'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { Modal } from '../shared/modal'
import { EngineLogSection } from './engine-log-section'
import { ReleasesSection } from './releases-section'
import { SettingsFields } from './settings-form'
import { useAppInfo } from './use-app-info'
import { useInstalledReleases } from './use-installed-releases'
import { useSettingsForm } from './use-settings-form'

/** The Settings screen: the saved settings (validated, saved with settings:update) and releases. */
export function SettingsDialog(props: { onClose: () => void }) {
  const form = useSettingsForm()
  const info = useAppInfo()
  const installed = useInstalledReleases()
  const { view, draft } = form
  const { t } = useTranslation('settings')
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    void form.save()
  }
  return (
    <Modal title={t('dialog.title')} size="large" onClose={props.onClose} isBusy={form.isSaving}>
      {form.loadFailure && (
        <ErrorMessage
          error={form.loadFailure}
          context={t('dialog.loadFailed')}
          onRetry={form.reload}
        />
      )}
      {!view && !form.loadFailure && <p className="muted">{t('dialog.loading')}</p>}
      {view?.loadError && (
        <div className="banner banner--warn" role="alert">
          <strong>{t('dialog.unusable')}</strong> {view.loadError} {t('dialog.unusableSave')}
          {view.file ? (
            <Trans
              t={t}
              i18nKey="dialog.unusableAt"
              values={{ file: view.file }}
              components={{ code: <code /> }}
            />
          ) : (
            '.'
          )}
        </div>
      )}
      {view && draft && (
        <form className="settings" onSubmit={submit} noValidate aria-label={t('dialog.title')}>
          <SettingsFields
            draft={draft}
            errors={form.errors}
            onChange={form.setField}
            info={info}
            installed={installed.releases}
          />
          {form.hasTried && form.invalidCount > 0 && (
            <p className="form-summary" role="alert">
              {t('dialog.fix', { count: form.invalidCount })}
            </p>
          )}
          {form.saveError && (
            <ErrorMessage error={form.saveError} context={t('dialog.saveFailed')} />
          )}
          {form.isRestartRequired && (
            <p className="banner banner--warn" role="status">
              <Trans
                t={t}
                i18nKey={info ? 'dialog.restart' : 'dialog.restartUnknown'}
                values={{ dir: info?.dataDir ?? '' }}
                components={{ strong: <strong />, code: <code /> }}
              />
            </p>
          )}
          <div className="settings__save button-row">
            <BusyButton
              type="submit"
              className="button--primary"
              isBusy={form.isSaving}
              disabled={!form.isChanged && !view.loadError}
            >
              {t('dialog.save')}
            </BusyButton>
            <span className="muted" role="status">
              {form.isSaved ? t('dialog.saved') : form.isChanged ? t('dialog.unsaved') : ''}
            </span>
            <span className="toolbar__spacer" />
            <span className="field__hint">
              {view.file ? (
                <Trans
                  t={t}
                  i18nKey="dialog.savedIn"
                  values={{ file: view.file }}
                  components={{ code: <code /> }}
                />
              ) : (
                t('dialog.inMemory')
              )}
            </span>
          </div>
        </form>
      )}
      <EngineLogSection engineLog={info?.engineLog ?? null} />
      <ReleasesSection
        releases={installed.releases}
        error={installed.error}
        onReload={installed.reload}
      />
      <div className="modal__actions">
        <button type="button" onClick={props.onClose} disabled={form.isSaving}>
          {t('dialog.close')}
        </button>
      </div>
    </Modal>
  )
}
