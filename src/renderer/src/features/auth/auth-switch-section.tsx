import { useTranslation } from '../../i18n'
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
  const { t } = useTranslation('auth')
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
      <h3 id={`${ids}-title`}>{t('switch.title')}</h3>
      <p role="status">
        {view.isEnabled === null
          ? t('switch.unknown')
          : view.isEnabled
            ? t('switch.on')
            : t('switch.off')}
      </p>
      {view.isEnabled === false && (
        <form
          className="button-row"
          aria-label={t('switch.enableLabel')}
          onSubmit={(e) => {
            e.preventDefault()
            void onEnable()
          }}
        >
          <PasswordField
            label={t('switch.rootPassword')}
            value={password}
            onChange={setPassword}
            isNew
          />
          <PasswordField label={t('switch.repeat')} value={repeat} onChange={setRepeat} isNew />
          <BusyButton
            type="submit"
            isBusy={enable.isBusy}
            disabled={
              !view.isRunning || password === '' || password !== repeat || blocked.enable !== null
            }
            title={blocked.enable ?? undefined}
          >
            {t('switch.enable')}
          </BusyButton>
        </form>
      )}
      {enable.error && (
        <ErrorMessage
          error={enable.error}
          context={t('switch.enableFailed')}
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
            {t('switch.disable')}
          </button>
        </div>
      )}
      {isConfirming && (
        <ConfirmDialog
          title={t('switch.disableTitle')}
          confirmLabel={t('switch.disable')}
          onConfirm={() => void onDisable()}
          onCancel={() => setConfirming(false)}
          isBusy={disable.isBusy}
          error={disable.error}
        >
          {t('switch.disableBody')}
        </ConfirmDialog>
      )}
      <p className="muted">
        {view.passwordStore === 'encrypted' ? t('switch.keptEncrypted') : t('switch.keptMemory')}
      </p>
    </section>
  )
}
