import { useTranslation } from '../../i18n'
import { useId, useState } from 'react'
import type { AuthRoleView, AuthView } from '../../../../shared/auth'
import { BusyButton } from '../shared/busy-button'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { ErrorMessage } from '../shared/error-message'
import { RoleRow } from './role-row'
import type { AccessState } from './use-access'
import { useChange } from './use-change'

/** The Roles table: create, delete, and each role's permissions (grant, revoke). */
export function RolesSection(props: { view: AuthView; access: AccessState }) {
  const { view, access } = props
  const ids = useId()
  const { t } = useTranslation('auth')
  const cluster = view.cluster
  const [name, setName] = useState('')
  const [deleting, setDeleting] = useState<AuthRoleView | null>(null)
  const add = useChange()
  const remove = useChange()
  const onAdd = async () => {
    if (await add.run(() => access.change('auth:role-add', { cluster, role: name }))) setName('')
  }
  const onDelete = async (role: string) => {
    if (await remove.run(() => access.change('auth:role-delete', { cluster, role })))
      setDeleting(null)
  }
  return (
    <section className="maintenance-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('roles.title')}</h3>
      <table className="port-table" aria-labelledby={`${ids}-title`}>
        <thead>
          <tr>
            <th scope="col">{t('roles.role')}</th>
            <th scope="col">{t('roles.permissions')}</th>
            <th scope="col">{t('roles.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {view.roles.map((role) => (
            <RoleRow
              key={role.name}
              cluster={cluster}
              role={role}
              access={access}
              onDelete={() => setDeleting(role)}
            />
          ))}
        </tbody>
      </table>
      <form
        className="button-row"
        aria-label={t('roles.addLabel')}
        onSubmit={(e) => {
          e.preventDefault()
          void onAdd()
        }}
      >
        <label className="field">
          <span>{t('roles.newName')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </label>
        <BusyButton type="submit" isBusy={add.isBusy} disabled={name.trim() === ''}>
          {t('roles.add')}
        </BusyButton>
      </form>
      {add.error && (
        <ErrorMessage error={add.error} context={t('roles.addFailed')} onDismiss={add.clearError} />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('roles.deleteTitle', { role: deleting.name })}
          confirmLabel={t('roles.deleteConfirm', { role: deleting.name })}
          onConfirm={() => void onDelete(deleting.name)}
          onCancel={() => setDeleting(null)}
          isBusy={remove.isBusy}
          error={remove.error}
        >
          {t('roles.deleteBody')}
        </ConfirmDialog>
      )}
    </section>
  )
}
