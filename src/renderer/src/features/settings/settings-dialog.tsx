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
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    void form.save()
  }
  return (
    <Modal title="Settings" size="large" onClose={props.onClose} isBusy={form.isSaving}>
      {form.loadFailure && (
        <ErrorMessage
          error={form.loadFailure}
          context="Could not load the settings"
          onRetry={form.reload}
        />
      )}
      {!view && !form.loadFailure && <p className="muted">Loading settings…</p>}
      {view?.loadError && (
        <div className="banner banner--warn" role="alert">
          <strong>Your saved settings could not be used; defaults are in effect.</strong>{' '}
          {view.loadError} Saving writes a new settings file
          {view.file ? (
            <>
              {' '}
              at <code>{view.file}</code> (the unusable one is kept next to it).
            </>
          ) : (
            '.'
          )}
        </div>
      )}
      {view && draft && (
        <form className="settings" onSubmit={submit} noValidate aria-label="Settings">
          <SettingsFields
            draft={draft}
            errors={form.errors}
            onChange={form.setField}
            info={info}
            installed={installed.releases}
          />
          {form.hasTried && form.invalidCount > 0 && (
            <p className="form-summary" role="alert">
              Fix the {form.invalidCount === 1 ? 'field' : `${form.invalidCount} fields`} marked
              above; nothing was saved.
            </p>
          )}
          {form.saveError && (
            <ErrorMessage error={form.saveError} context="Could not save the settings" />
          )}
          {form.isRestartRequired && (
            <p className="banner banner--warn" role="status">
              <strong>Restart etcd Desk to use the new data directory.</strong> Until then it keeps
              using {info ? <code>{info.dataDir}</code> : 'the current one'}; quit and open it
              again.
            </p>
          )}
          <div className="settings__save button-row">
            <BusyButton
              type="submit"
              className="button--primary"
              isBusy={form.isSaving}
              disabled={!form.isChanged && !view.loadError}
            >
              Save
            </BusyButton>
            <span className="muted" role="status">
              {form.isSaved ? 'Settings saved.' : form.isChanged ? 'Unsaved changes.' : ''}
            </span>
            <span className="toolbar__spacer" />
            <span className="field__hint">
              {view.file ? (
                <>
                  Saved in <code>{view.file}</code>
                </>
              ) : (
                'Kept in memory only: this etcd Desk has no settings file.'
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
          Close
        </button>
      </div>
    </Modal>
  )
}
