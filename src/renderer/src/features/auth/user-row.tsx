import { useTranslation } from '../../i18n'
import { useState } from 'react'
import type { AuthUserView } from '../../../../shared/auth'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { PasswordField } from './password-field'
import type { AccessState } from './use-access'
import { useChange } from './use-change'

/** One user: its roles (each revocable), grant a role, change its password, delete it. */
export function UserRow(props: {
  cluster: string
  user: AuthUserView
  roles: string[]
  access: AccessState
  onDelete: () => void
}) {
  const { cluster, user, access } = props
  const [role, setRole] = useState('')
  const [password, setPassword] = useState('')
  const [isChangingPassword, setChangingPassword] = useState(false)
  const change = useChange()
  const { t } = useTranslation('auth')
  const grantable = props.roles.filter((r) => !user.roles.includes(r))
  const onPassword = async () => {
    const sent = { cluster, user: user.name, password }
    if (await change.run(() => access.change('auth:user-password', sent))) {
      setPassword('')
      setChangingPassword(false)
    }
  }
  return (
    <tr>
      <th scope="row">{user.name}</th>
      <td>
        <ul className="inline-list" aria-label={t('userRow.rolesOf', { user: user.name })}>
          {user.roles.map((r) => (
            <li key={r}>
              {r}{' '}
              <button
                type="button"
                className="button--small"
                aria-label={t('userRow.revokeRole', { role: r, user: user.name })}
                onClick={() =>
                  void change.run(() =>
                    access.change('auth:user-revoke', { cluster, user: user.name, role: r }),
                  )
                }
              >
                {t('userRow.revoke')}
              </button>
            </li>
          ))}
        </ul>
      </td>
      <td>
        <div className="button-row">
          <label className="field">
            <span className="visually-hidden">{t('userRow.roleToGrant', { user: user.name })}</span>
            <select value={role} onChange={(e) => setRole(e.target.value)}>
              <option value="">{t('userRow.chooseRole')}</option>
              {grantable.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={role === ''}
            aria-label={t('userRow.grantRoleTo', { user: user.name })}
            onClick={() =>
              void change
                .run(() => access.change('auth:user-grant', { cluster, user: user.name, role }))
                .then((ok) => ok && setRole(''))
            }
          >
            {t('userRow.grantRole')}
          </button>
          <button
            type="button"
            aria-label={t('userRow.changePasswordOf', { user: user.name })}
            onClick={() => setChangingPassword((v) => !v)}
          >
            {t('userRow.changePassword')}
          </button>
          <button
            type="button"
            aria-label={t('userRow.deleteUser', { user: user.name })}
            onClick={props.onDelete}
          >
            {t('userRow.delete')}
          </button>
        </div>
        {isChangingPassword && (
          <form
            className="button-row"
            aria-label={t('userRow.newPasswordFor', { user: user.name })}
            onSubmit={(e) => {
              e.preventDefault()
              void onPassword()
            }}
          >
            <PasswordField
              label={t('userRow.newPasswordFor', { user: user.name })}
              value={password}
              onChange={setPassword}
              isNew
            />
            <BusyButton type="submit" isBusy={change.isBusy} disabled={password === ''}>
              {t('userRow.setPassword')}
            </BusyButton>
          </form>
        )}
        {change.error && (
          <ErrorMessage error={change.error} context={user.name} onDismiss={change.clearError} />
        )}
      </td>
    </tr>
  )
}
