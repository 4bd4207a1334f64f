import { useState } from 'react'
import { AUTH_PERMISSIONS, type AuthPermission, type AuthRoleView } from '../../../../shared/auth'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import type { AccessState } from './use-access'
import { useChange } from './use-change'

/** One role: its permissions (each revocable), a grant form (key or prefix), delete. */
export function RoleRow(props: {
  cluster: string
  role: AuthRoleView
  access: AccessState
  onDelete: () => void
}) {
  const { cluster, role, access } = props
  const [key, setKey] = useState('')
  const [isPrefix, setPrefix] = useState(true)
  const [permission, setPermission] = useState<AuthPermission>('read')
  const change = useChange()
  const onGrant = async () => {
    const sent = { cluster, role: role.name, key, isPrefix, permission }
    if (await change.run(() => access.change('auth:role-grant', sent))) setKey('')
  }
  return (
    <tr>
      <th scope="row">{role.name}</th>
      <td>
        <ul className="inline-list" aria-label={`Permissions of ${role.name}`}>
          {role.permissions.map((p) => {
            const what = `${p.permission} ${p.key}${p.isPrefix ? ' (prefix)' : ''}`
            return (
              <li key={`${p.key}/${p.isPrefix}`} className="mono">
                {what}
                {p.rangeEnd !== null ? ` to ${p.rangeEnd}` : ''}{' '}
                <button
                  type="button"
                  className="button--small"
                  aria-label={`Revoke ${what} from ${role.name}`}
                  onClick={() =>
                    void change.run(() =>
                      access.change('auth:role-revoke', {
                        cluster,
                        role: role.name,
                        key: p.key,
                        isPrefix: p.isPrefix,
                      }),
                    )
                  }
                >
                  Revoke
                </button>
              </li>
            )
          })}
        </ul>
      </td>
      <td>
        <form
          className="button-row"
          aria-label={`Grant a permission to ${role.name}`}
          onSubmit={(e) => {
            e.preventDefault()
            void onGrant()
          }}
        >
          <label className="field">
            <span>Key or prefix</span>
            <input value={key} onChange={(e) => setKey(e.target.value)} placeholder="/app/" />
          </label>
          <label className="field field--inline">
            <input
              type="checkbox"
              checked={isPrefix}
              onChange={(e) => setPrefix(e.target.checked)}
            />
            <span>Prefix</span>
          </label>
          <label className="field">
            <span>Permission</span>
            <select
              value={permission}
              onChange={(e) => setPermission(e.target.value as AuthPermission)}
            >
              {AUTH_PERMISSIONS.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
          <BusyButton type="submit" isBusy={change.isBusy} disabled={key === ''}>
            Grant permission
          </BusyButton>
          <button type="button" aria-label={`Delete role ${role.name}`} onClick={props.onDelete}>
            Delete
          </button>
        </form>
        {change.error && (
          <ErrorMessage error={change.error} context={role.name} onDismiss={change.clearError} />
        )}
      </td>
    </tr>
  )
}
