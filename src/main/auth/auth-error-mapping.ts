import type { EtcdCallDetail } from '../../shared/error-details'
import { EngineError } from '../errors/engine-error'

/** Who asked and for what, so an auth refusal can name them. */
export interface AuthCallContext {
  cluster?: string
  /** The user the client presented, or null for none. */
  user?: string | null
  /** The user or role the call was about (user add, role grant …). */
  subject?: { user?: string; role?: string }
  /** 'read' for reads, 'write' for writes: the permission a denial is about. */
  permission?: 'read' | 'write'
  /** The call's endpoints, operation and key, as toEngineError knows them. */
  call?: Partial<EtcdCallDetail>
}

/** etcd's auth messages (server/auth/store.go, api/v3rpc/rpctypes/error.go), same on 3.4–3.7. */
const MESSAGES = {
  noUser: 'user name is empty',
  authFailed: 'authentication failed, invalid user ID or password',
  denied: 'permission denied',
  notEnabled: 'authentication is not enabled',
  userNotFound: 'user name not found',
  userExists: 'user name already exists',
  roleNotFound: 'role name not found',
  roleExists: 'role name already exists',
  roleNotGranted: 'role is not granted to the user',
} as const

/**
 * The EngineError for an etcd auth refusal, naming the user, role or key; null when `error` is
 * not about authentication (the caller maps it as any other etcd error).
 */
export function authErrorOf(error: unknown, context: AuthCallContext): EngineError | null {
  const message = error instanceof Error ? error.message : String(error)
  const cluster = context.cluster
  const where = cluster ? ` of cluster ${cluster}` : ''
  const user = context.user ?? null
  const subjectUser = context.subject?.user ?? user ?? 'the user'
  const role = context.subject?.role ?? 'the role'
  if (message.includes(MESSAGES.noUser)) {
    return new EngineError(
      'ROOT_PASSWORD_NEEDED',
      `Authentication is on${where} and etcd Desk does not know root's password: enter it in the Access tab.`,
      { cluster },
    )
  }
  if (message.includes(MESSAGES.authFailed)) {
    const who = user ?? 'the user'
    return new EngineError('AUTH_FAILED', `etcd refused the password for ${who}${where}.`, {
      cluster,
      user: who,
    })
  }
  if (message.includes(MESSAGES.denied)) return permissionDenied(context)
  if (message.includes(MESSAGES.notEnabled)) {
    return new EngineError('AUTH_NOT_ENABLED', `Authentication is off${where}.`, { cluster })
  }
  if (message.includes(MESSAGES.userNotFound)) {
    return new EngineError('USER_NOT_FOUND', `There is no user ${subjectUser}${where}.`, {
      cluster,
      user: subjectUser,
    })
  }
  if (message.includes(MESSAGES.userExists)) {
    return new EngineError('USER_EXISTS', `User ${subjectUser} already exists${where}.`, {
      cluster,
      user: subjectUser,
    })
  }
  if (message.includes(MESSAGES.roleNotFound)) {
    return new EngineError('ROLE_NOT_FOUND', `There is no role ${role}${where}.`, {
      cluster,
      role,
    })
  }
  if (message.includes(MESSAGES.roleExists)) {
    return new EngineError('ROLE_EXISTS', `Role ${role} already exists${where}.`, { cluster, role })
  }
  if (message.includes(MESSAGES.roleNotGranted)) {
    return new EngineError('ROLE_NOT_FOUND', `User ${subjectUser} does not hold role ${role}.`, {
      cluster,
      role,
    })
  }
  return null
}

function permissionDenied(context: AuthCallContext): EngineError {
  const user = context.user ?? null
  const key = context.call?.key
  const permission = context.permission
  const who = user ?? 'the engine'
  const what = permission && key ? `${permission} ${key}` : (context.call?.operation ?? 'do that')
  const lacks = permission ? `: ${who} lacks ${permission} permission on it` : ''
  return new EngineError('PERMISSION_DENIED', `etcd denied ${who} to ${what}${lacks}.`, {
    ...context.call,
    cluster: context.cluster,
    user,
    ...(permission ? { permission } : {}),
  })
}
