import { Trans, useTranslation } from '../../i18n'
import type { ClusterView } from '../../../../shared/cluster'
import { EmptyState } from '../shared/empty-state'
import { ErrorMessage } from '../shared/error-message'
import { hasLiveMember } from '../shared/member-state'
import { AuthSwitchSection } from './auth-switch-section'
import { RolesSection } from './roles-section'
import { RootPasswordForm } from './root-password-form'
import { useAccess } from './use-access'
import { UsersSection } from './users-section'

/** The Access tab: authentication on/off, root's password when needed, users and roles. */
export function AccessPanel(props: { cluster: ClusterView }) {
  const name = props.cluster.definition.name
  const { t } = useTranslation('auth')
  const isRunning = hasLiveMember(props.cluster)
  const access = useAccess(name, isRunning)
  const { view } = access
  if (!isRunning) {
    return (
      <EmptyState title={t('panel.stoppedTitle', { name })}>
        <Trans t={t} i18nKey="panel.stoppedBody" components={{ strong: <strong /> }} />
      </EmptyState>
    )
  }
  if (!view) {
    return access.error ? (
      <ErrorMessage error={access.error} context={t('panel.readFailed')} onRetry={access.reload} />
    ) : (
      <p className="muted" role="status">
        {t('panel.reading')}
      </p>
    )
  }
  const needsRoot = view.isEnabled === true && !view.isRootPasswordKnown
  return (
    <div className="maintenance-panel">
      {needsRoot && <RootPasswordForm cluster={name} access={access} />}
      {access.error && (
        <ErrorMessage
          error={access.error}
          context={t('panel.readFailed')}
          onRetry={access.reload}
        />
      )}
      <AuthSwitchSection view={view} access={access} operation={props.cluster.operation} />
      {!needsRoot && (
        <>
          <UsersSection view={view} access={access} />
          <RolesSection view={view} access={access} />
        </>
      )}
    </div>
  )
}
