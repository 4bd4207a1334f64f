import { useTranslation } from '../../i18n'
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
  const { t } = useTranslation('auth')
  const onGrant = async () => {
    const sent = { cluster, role: role.name, key, isPrefix, permission }
    if (await change.run(() => access.change('auth:role-grant', sent))) setKey('')
  }
  return (
    <tr>
      <th scope="row">{role.name}</th>
      <td>
        <ul className="inline-list" aria-label={t('roleRow.permissionsOf', { role: role.name })}>
          {role.permissions.map((p) => {
            const what = `${p.permission} ${p.key}${p.isPrefix ? t('roleRow.prefixMark') : ''}`
            return (
              <li key={`${p.key}/${p.isPrefix}`} className="mono">
                {what}
                {p.rangeEnd !== null ? t('roleRow.to', { end: p.rangeEnd }) : ''}{' '}
                <button
                  type="button"
                  className="button--small"
                  aria-label={t('roleRow.revokeFrom', { what, role: role.name })}
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
                  {t('roleRow.revoke')}
                </button>
              </li>
            )
          })}
        </ul>
      </td>
      <td>
        <form
          className="button-row"
          aria-label={t('roleRow.grantTo', { role: role.name })}
          onSubmit={(e) => {
            e.preventDefault()
            void onGrant()
          }}
        >
          <label className="field">
            <span>{t('roleRow.keyOrPrefix')}</span>
            <input value={key} onChange={(e) => setKey(e.target.value)} placeholder="/app/" />
          </label>
          <label className="field field--inline">
            <input
              type="checkbox"
              checked={isPrefix}
              onChange={(e) => setPrefix(e.target.checked)}
            />
            <span>{t('roleRow.prefix')}</span>
          </label>
          <label className="field">
            <span>{t('roleRow.permission')}</span>
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
            {t('roleRow.grant')}
          </BusyButton>
          <button
            type="button"
            aria-label={t('roleRow.deleteRole', { role: role.name })}
            onClick={props.onDelete}
          >
            {t('roleRow.delete')}
          </button>
        </form>
        {change.error && (
          <ErrorMessage error={change.error} context={role.name} onDismiss={change.clearError} />
        )}
      </td>
    </tr>
  )
}
