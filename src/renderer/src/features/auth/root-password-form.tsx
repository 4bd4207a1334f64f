import { useTranslation } from '../../i18n'
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
  const { t } = useTranslation('auth')
  const onSubmit = async () => {
    const ok = await send.run(() =>
      props.access.change('auth:root-password', { cluster: props.cluster, password }),
    )
    if (ok) setPassword('')
  }
  return (
    <form
      className="banner banner--warn"
      aria-label={t('root.label')}
      onSubmit={(e) => {
        e.preventDefault()
        void onSubmit()
      }}
    >
      <p>{t('root.body')}</p>
      <PasswordField label={t('root.password')} value={password} onChange={setPassword} />
      <BusyButton type="submit" isBusy={send.isBusy} disabled={password === ''}>
        {t('root.use')}
      </BusyButton>
      {send.error && (
        <ErrorMessage error={send.error} context={t('root.failed')} onDismiss={send.clearError} />
      )}
    </form>
  )
}
