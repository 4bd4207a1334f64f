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
  const isRunning = hasLiveMember(props.cluster)
  const access = useAccess(name, isRunning)
  const { view } = access
  if (!isRunning) {
    return (
      <EmptyState title={`Cluster ${name} is stopped`}>
        Click <strong>Start all</strong>, then manage its users and roles here.
      </EmptyState>
    )
  }
  if (!view) {
    return access.error ? (
      <ErrorMessage error={access.error} context="Could not read access" onRetry={access.reload} />
    ) : (
      <p className="muted" role="status">
        Reading users and roles…
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
          context="Could not read access"
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
