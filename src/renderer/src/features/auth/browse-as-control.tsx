import { useTranslation } from '../../i18n'
import { useEffect, useEffectEvent, useRef, useState } from 'react'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { PasswordField } from './password-field'
import { useAccess } from './use-access'
import { useChange } from './use-change'

/**
 * "Browse as" in the Keys tab: runs the key browser with another user's rights (its password
 * checked by etcd first), or as etcd Desk (root). Shown only while authentication is on. The key
 * browser follows the engine's user: also when authentication is turned off or the user deleted.
 */
export function BrowseAsControl(props: {
  cluster: string
  onChanged: (user: string | null) => void
}) {
  const { cluster } = props
  const access = useAccess(cluster, true)
  const { t } = useTranslation('auth')
  const [user, setUser] = useState('')
  const [password, setPassword] = useState('')
  const send = useChange()
  const view = access.view
  const engineUser = view ? view.browseAs : undefined
  const onEngineUser = useEffectEvent((next: string | null) => props.onChanged(next))
  // The user last seen in a view (undefined before the first): only a change is passed on.
  const seen = useRef<string | null | undefined>(undefined)
  useEffect(() => {
    if (engineUser === undefined) return
    if (seen.current !== undefined && seen.current !== engineUser) onEngineUser(engineUser)
    seen.current = engineUser
  }, [engineUser])
  if (!view?.isEnabled) return null
  const current = view.browseAs
  const apply = async (next: string | null) => {
    const arg = next === null ? { cluster, user: null } : { cluster, user: next, password }
    // The answer's view names the new user: the effect above tells the key browser.
    if (await send.run(() => access.change('auth:browse-as', arg))) setPassword('')
  }
  return (
    <form
      className="button-row"
      aria-label={t('browse.label')}
      onSubmit={(e) => {
        e.preventDefault()
        void apply(user === '' ? null : user)
      }}
    >
      <span role="status">{t('browse.browsing', { user: current ?? t('browse.desk') })}</span>
      <label className="field">
        <span>{t('browse.user')}</span>
        <select value={user} onChange={(e) => setUser(e.target.value)}>
          <option value="">{t('browse.desk')}</option>
          {view.users
            .filter((u) => u.name !== 'root')
            .map((u) => (
              <option key={u.name}>{u.name}</option>
            ))}
        </select>
      </label>
      {user !== '' && (
        <PasswordField
          label={t('browse.passwordOf', { user })}
          value={password}
          onChange={setPassword}
        />
      )}
      <BusyButton type="submit" isBusy={send.isBusy} disabled={user !== '' && password === ''}>
        {t('browse.submit')}
      </BusyButton>
      {send.error && (
        <ErrorMessage error={send.error} context={t('browse.failed')} onDismiss={send.clearError} />
      )}
    </form>
  )
}
