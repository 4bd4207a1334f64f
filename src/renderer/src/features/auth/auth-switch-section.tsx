import { useId, useState } from 'react'
import type { AuthView } from '../../../../shared/auth'
import type { ClusterOperation } from '../../../../shared/cluster'
import { blockedBy } from '../clusters/operation'
import { BusyButton } from '../shared/busy-button'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { ErrorMessage } from '../shared/error-message'
import { PasswordField } from './password-field'
import type { AccessState } from './use-access'
import { useChange } from './use-change'

/**
 * Enable authentication (root's password chosen here) or disable it (asks first). Both are
 * operations of the cluster: offered only while no other operation runs on it.
 */
export function AuthSwitchSection(props: {
  view: AuthView
  access: AccessState
  /** The operation running on the cluster, or null. */
  operation: ClusterOperation | null
}) {
  const { view, access } = props
  const blocked = {
    enable: blockedBy(props.operation, 'auth-enable'),
    disable: blockedBy(props.operation, 'auth-disable'),
  }
  const ids = useId()
  const [password, setPassword] = useState('')
  const [repeat, setRepeat] = useState('')
  const [isConfirming, setConfirming] = useState(false)
  const enable = useChange()
  const disable = useChange()
  const cluster = view.cluster
  const onEnable = async () => {
    const ok = await enable.run(() =>
      access.change('auth:enable', { cluster, rootPassword: password }),
    )
    if (ok) {
      setPassword('')
      setRepeat('')
    }
  }
  const onDisable = async () => {
    if (await disable.run(() => access.change('auth:disable', { cluster }))) setConfirming(false)
  }
  return (
    <section className="maintenance-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Authentication</h3>
      <p role="status">
        {view.isEnabled === null
          ? 'Unknown until the cluster runs.'
          : view.isEnabled
            ? 'On: every client must log in as a user.'
            : 'Off: every client may read and write everything.'}
      </p>
      {view.isEnabled === false && (
        <form
          className="button-row"
          aria-label="Enable authentication"
          onSubmit={(e) => {
            e.preventDefault()
            void onEnable()
          }}
        >
          <PasswordField label="Root password" value={password} onChange={setPassword} isNew />
          <PasswordField label="Repeat root password" value={repeat} onChange={setRepeat} isNew />
          <BusyButton
            type="submit"
            isBusy={enable.isBusy}
            disabled={
              !view.isRunning || password === '' || password !== repeat || blocked.enable !== null
            }
            title={blocked.enable ?? undefined}
          >
            Enable authentication
          </BusyButton>
        </form>
      )}
      {enable.error && (
        <ErrorMessage
          error={enable.error}
          context="Could not enable"
          onDismiss={enable.clearError}
        />
      )}
      {view.isEnabled && (
        <div className="button-row">
          <button
            type="button"
            disabled={!view.isRunning || !view.isRootPasswordKnown || blocked.disable !== null}
            title={blocked.disable ?? undefined}
            onClick={() => setConfirming(true)}
          >
            Disable authentication
          </button>
        </div>
      )}
      {isConfirming && (
        <ConfirmDialog
          title="Disable authentication?"
          confirmLabel="Disable authentication"
          onConfirm={() => void onDisable()}
          onCancel={() => setConfirming(false)}
          isBusy={disable.isBusy}
          error={disable.error}
        >
          Every client may then read and write every key. Users and roles are kept for a later
          enable.
        </ConfirmDialog>
      )}
      <p className="muted">
        Root’s password is kept{' '}
        {view.passwordStore === 'encrypted'
          ? 'encrypted with your system keychain, in the cluster’s folder.'
          : 'in memory only: etcd Desk asks for it again after a restart.'}
      </p>
    </section>
  )
}
