import { useState } from 'react'
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
  const title = props.editing ? `Connection ${props.editing.name}` : 'Connect to cluster'
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
          label="Name"
          value={draft.name}
          disabled={props.editing !== null}
          onChange={(name) => set({ name })}
        />
        <TextField
          label="Endpoints"
          hint="Client URLs of its members, one per line (http:// or https://, with the port)."
          value={draft.endpoints}
          isMultiline
          onChange={(endpoints) => set({ endpoints })}
        />
        <CheckboxField
          label="TLS"
          hint="Files on this computer, PEM or DER; keys PKCS#1, PKCS#8 or SEC1, unencrypted."
          checked={draft.useTls}
          disabled={false}
          onChange={(useTls) => set({ useTls })}
        />
        {draft.useTls && (
          <>
            <TextField
              label="CA certificate file"
              hint="Empty: the system's trusted CAs."
              value={draft.caFile}
              onChange={(caFile) => set({ caFile })}
            />
            <TextField
              label="Client certificate file"
              value={draft.certFile}
              onChange={(certFile) => set({ certFile })}
            />
            <TextField
              label="Client key file"
              value={draft.keyFile}
              onChange={(keyFile) => set({ keyFile })}
            />
          </>
        )}
        <TextField
          label="User name"
          hint="Empty when the cluster has authentication off."
          value={draft.username}
          onChange={(username) => set({ username })}
        />
        {draft.username.trim() !== '' && (
          <PasswordField
            label={props.editing?.hasPassword ? 'Password (empty: unchanged)' : 'Password'}
            value={draft.password}
            onChange={(password) => set({ password })}
          />
        )}
        <CheckboxField
          label="Read-only"
          hint={
            draft.readOnly
              ? 'Every write is refused before it is sent.'
              : 'Writes, deletes and imports reach this cluster: destructive actions name it when they ask.'
          }
          checked={draft.readOnly}
          disabled={false}
          onChange={(readOnly) => set({ readOnly })}
        />
        {result && <ConnectionTestView result={result} />}
        {test.error && <ErrorMessage error={test.error} context="Could not test" />}
        {save.error && <ErrorMessage error={save.error} context="Could not save" />}
        <div className="modal__actions">
          <button type="button" onClick={props.onClose} disabled={isBusy}>
            Cancel
          </button>
          <BusyButton
            isBusy={test.isBusy}
            disabled={save.isBusy}
            onClick={() => void test.run().then((r) => r.ok && setResult(r.value))}
          >
            Test connection
          </BusyButton>
          <BusyButton
            type="submit"
            className="button--primary"
            isBusy={save.isBusy}
            disabled={test.isBusy}
          >
            Save
          </BusyButton>
        </div>
      </form>
    </Modal>
  )
}
