import { useTranslation } from '../../i18n'
import { useId, useState } from 'react'
import type { AuthUserView, AuthView } from '../../../../shared/auth'
import { BusyButton } from '../shared/busy-button'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { ErrorMessage } from '../shared/error-message'
import { PasswordField } from './password-field'
import type { AccessState } from './use-access'
import { useChange } from './use-change'
import { UserRow } from './user-row'

/** The Users table: create, delete, change password, grant and revoke roles. */
export function UsersSection(props: { view: AuthView; access: AccessState }) {
  const { view, access } = props
  const ids = useId()
  const { t } = useTranslation('auth')
  const cluster = view.cluster
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const [deleting, setDeleting] = useState<AuthUserView | null>(null)
  const add = useChange()
  const remove = useChange()
  const onAdd = async () => {
    if (await add.run(() => access.change('auth:user-add', { cluster, user: name, password }))) {
      setName('')
      setPassword('')
    }
  }
  const onDelete = async (user: string) => {
    if (await remove.run(() => access.change('auth:user-delete', { cluster, user })))
      setDeleting(null)
  }
  return (
    <section className="maintenance-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('users.title')}</h3>
      <table className="port-table" aria-labelledby={`${ids}-title`}>
        <thead>
          <tr>
            <th scope="col">{t('users.user')}</th>
            <th scope="col">{t('users.roles')}</th>
            <th scope="col">{t('users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {view.users.map((user) => (
            <UserRow
              key={user.name}
              cluster={cluster}
              user={user}
              roles={view.roles.map((r) => r.name)}
              access={access}
              onDelete={() => setDeleting(user)}
            />
          ))}
        </tbody>
      </table>
      <form
        className="button-row"
        aria-label={t('users.addLabel')}
        onSubmit={(e) => {
          e.preventDefault()
          void onAdd()
        }}
      >
        <label className="field">
          <span>{t('users.newName')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </label>
        <PasswordField
          label={t('users.newPassword')}
          value={password}
          onChange={setPassword}
          isNew
        />
        <BusyButton type="submit" isBusy={add.isBusy} disabled={name.trim() === ''}>
          {t('users.add')}
        </BusyButton>
      </form>
      {add.error && (
        <ErrorMessage error={add.error} context={t('users.addFailed')} onDismiss={add.clearError} />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('users.deleteTitle', { user: deleting.name })}
          confirmLabel={t('users.deleteConfirm', { user: deleting.name })}
          onConfirm={() => void onDelete(deleting.name)}
          onCancel={() => setDeleting(null)}
          isBusy={remove.isBusy}
          error={remove.error}
        >
          {t('users.deleteBody', { user: deleting.name })}
        </ConfirmDialog>
      )}
    </section>
  )
}
