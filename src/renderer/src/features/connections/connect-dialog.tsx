import { useState } from 'react'
import { useTranslation } from '../../i18n'
import type { ConnectionTestResult, ConnectionView } from '../../../../shared/connections'
import { PasswordField } from '../auth/password-field'
import { CheckboxField } from '../create-cluster/checkbox-field'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { Modal } from '../shared/modal'
import { useAction } from '../shared/use-action'
import { draftOf, emptyDraft, passwordOf, specOf, type ConnectionDraft } from './connection-form'
import { ConnectionTestView } from './connection-test-result'
import { InsecureWarning } from './insecure-warning'
import { TextField } from './text-field'

/**
 * "Connect to cluster" (or a saved connection's settings): endpoints, TLS files, user and
 * password, read-only (on by default); "Test connection" says in plain words what each endpoint
 * answered; Save keeps it (the password encrypted where the OS keychain exists, else in memory).
 */
export function ConnectDialog(props: {
  editing: ConnectionView | null
  onClose: () => void
  onSaved: (view: ConnectionView) => void
}) {
  const api = useApi()
  const { t } = useTranslation('connections')
  const [draft, setDraft] = useState<ConnectionDraft>(() =>
    props.editing ? draftOf(props.editing) : emptyDraft(),
  )
  const [result, setResult] = useState<ConnectionTestResult | null>(null)
  const set = (patch: Partial<ConnectionDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setResult(null)
  }
  const test = useAction(() =>
    api.request('connections:test', { spec: specOf(draft), password: passwordOf(draft) }),
  )
  const save = useAction(() =>
    api.request('connections:save', {
      spec: specOf(draft),
      password: passwordOf(draft),
      isNew: props.editing === null,
    }),
  )
  const isBusy = test.isBusy || save.isBusy
  const title = props.editing
    ? t('dialog.titleEdit', { name: props.editing.name })
    : t('dialog.titleNew')
  return (
    <Modal title={title} onClose={props.onClose} isBusy={isBusy} size="large">
      <form
        className="modal__body"
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault()
          void save.run().then((r) => r.ok && props.onSaved(r.value))
        }}
      >
        <TextField
          label={t('dialog.name')}
          value={draft.name}
          disabled={props.editing !== null}
          onChange={(name) => set({ name })}
        />
        <TextField
          label={t('dialog.endpoints')}
          hint={t('dialog.endpointsHint')}
          value={draft.endpoints}
          isMultiline
          onChange={(endpoints) => set({ endpoints })}
        />
        <CheckboxField
          label="TLS"
          hint={t('dialog.tlsHint')}
          checked={draft.useTls}
          disabled={false}
          onChange={(useTls) => set({ useTls })}
        />
        {draft.useTls && (
          <>
            <TextField
              label={t('dialog.caFile')}
              hint={t('dialog.caFileHint')}
              value={draft.caFile}
              onChange={(caFile) => set({ caFile })}
            />
            <TextField
              label={t('dialog.certFile')}
              value={draft.certFile}
              onChange={(certFile) => set({ certFile })}
            />
            <TextField
              label={t('dialog.keyFile')}
              value={draft.keyFile}
              onChange={(keyFile) => set({ keyFile })}
            />
            <CheckboxField
              label={t('dialog.skipVerification')}
              hint={t('dialog.skipVerificationHint')}
              checked={draft.skipServerVerification}
              disabled={false}
              onChange={(skipServerVerification) => set({ skipServerVerification })}
            />
            {draft.skipServerVerification && <InsecureWarning />}
          </>
        )}
        <TextField
          label={t('dialog.username')}
          hint={t('dialog.usernameHint')}
          value={draft.username}
          onChange={(username) => set({ username })}
        />
        {draft.username.trim() !== '' && (
          <PasswordField
            label={t(props.editing?.hasPassword ? 'dialog.passwordUnchanged' : 'dialog.password')}
            value={draft.password}
            onChange={(password) => set({ password })}
          />
        )}
        <CheckboxField
          label={t('dialog.readOnly')}
          hint={t(draft.readOnly ? 'dialog.readOnlyOn' : 'dialog.readOnlyOff')}
          checked={draft.readOnly}
          disabled={false}
          onChange={(readOnly) => set({ readOnly })}
        />
        {result && <ConnectionTestView result={result} />}
        {test.error && <ErrorMessage error={test.error} context={t('dialog.testFailed')} />}
        {save.error && <ErrorMessage error={save.error} context={t('dialog.saveFailed')} />}
        <div className="modal__actions">
          <button type="button" onClick={props.onClose} disabled={isBusy}>
            {t('dialog.cancel')}
          </button>
          <BusyButton
            isBusy={test.isBusy}
            disabled={save.isBusy}
            onClick={() => void test.run().then((r) => r.ok && setResult(r.value))}
          >
            {t('dialog.test')}
          </BusyButton>
          <BusyButton
            type="submit"
            className="button--primary"
            isBusy={save.isBusy}
            disabled={test.isBusy}
          >
            {t('dialog.save')}
          </BusyButton>
        </div>
      </form>
    </Modal>
  )
}
