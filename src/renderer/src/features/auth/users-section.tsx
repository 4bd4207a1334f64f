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
      <h3 id={`${ids}-title`}>Users</h3>
      <table className="port-table" aria-labelledby={`${ids}-title`}>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Roles</th>
            <th scope="col">Actions</th>
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
        aria-label="Add user"
        onSubmit={(e) => {
          e.preventDefault()
          void onAdd()
        }}
      >
        <label className="field">
          <span>New user name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </label>
        <PasswordField label="New user's password" value={password} onChange={setPassword} isNew />
        <BusyButton type="submit" isBusy={add.isBusy} disabled={name.trim() === ''}>
          Add user
        </BusyButton>
      </form>
      {add.error && (
        <ErrorMessage
          error={add.error}
          context="Could not add the user"
          onDismiss={add.clearError}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete user ${deleting.name}?`}
          confirmLabel={`Delete ${deleting.name}`}
          onConfirm={() => void onDelete(deleting.name)}
          onCancel={() => setDeleting(null)}
          isBusy={remove.isBusy}
          error={remove.error}
        >
          Clients logging in as {deleting.name} are refused from then on.
        </ConfirmDialog>
      )}
    </section>
  )
}
