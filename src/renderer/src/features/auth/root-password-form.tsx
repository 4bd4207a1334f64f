import { useState } from 'react'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { PasswordField } from './password-field'
import type { AccessState } from './use-access'
import { useChange } from './use-change'

/** "Enter root's password": shown when authentication is on and the engine does not know it. */
export function RootPasswordForm(props: { cluster: string; access: AccessState }) {
  const [password, setPassword] = useState('')
  const send = useChange()
  const onSubmit = async () => {
    const ok = await send.run(() =>
      props.access.change('auth:root-password', { cluster: props.cluster, password }),
    )
    if (ok) setPassword('')
  }
  return (
    <form
      className="banner banner--warn"
      aria-label="Enter root's password"
      onSubmit={(e) => {
        e.preventDefault()
        void onSubmit()
      }}
    >
      <p>
        Authentication is on and etcd Desk needs root’s password to read keys, run the write probe
        and manage users.
      </p>
      <PasswordField label="Root's password" value={password} onChange={setPassword} />
      <BusyButton type="submit" isBusy={send.isBusy} disabled={password === ''}>
        Use this password
      </BusyButton>
      {send.error && (
        <ErrorMessage error={send.error} context="Root's password" onDismiss={send.clearError} />
      )}
    </form>
  )
}
