import type { Etcd3 } from 'etcd3'
import type { AuthPermission, AuthRoleView, AuthUserView } from '../../shared/auth'
import { toEngineError } from '../keys/etcd-error-mapping'
import { authErrorOf, type AuthCallContext } from './auth-error-mapping'
import { permissionRange, toEtcdPermission, toPermissionView } from './permission-range'

/** One auth call's client and what to name in its errors. */
export interface AuthCall {
  client: Etcd3
  cluster: string
  endpoints: string[]
  /** The user the client presents (root, or null with authentication off). */
  user: string | null
}

/** Runs an etcd auth RPC; a refusal becomes an EngineError naming the user, role or key. */
export async function authCall<T>(
  call: AuthCall,
  operation: string,
  subject: AuthCallContext['subject'],
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run()
  } catch (error) {
    const context = { cluster: call.cluster, user: call.user, subject, call: { operation } }
    throw (
      authErrorOf(error, context) ??
      toEngineError(error, {
        endpoints: call.endpoints,
        operation: `${operation} on ${call.cluster}`,
      })
    )
  }
}

/** Every user with its roles, sorted by name. */
export async function listUsers(call: AuthCall): Promise<AuthUserView[]> {
  const { users } = await authCall(call, 'user list', {}, () => call.client.auth.userList({}))
  const views = await Promise.all(
    users.map(async (name) => {
      const { roles } = await authCall(call, 'user get', { user: name }, () =>
        call.client.auth.userGet({ name }),
      )
      return { name, roles: [...roles].sort() }
    }),
  )
  return views.sort((a, b) => a.name.localeCompare(b.name))
}

/** Every role with its permissions, sorted by name. */
export async function listRoles(call: AuthCall): Promise<AuthRoleView[]> {
  const { roles } = await authCall(call, 'role list', {}, () => call.client.auth.roleList({}))
  const views = await Promise.all(
    roles.map(async (name) => {
      const { perm } = await authCall(call, 'role get', { role: name }, () =>
        call.client.auth.roleGet({ role: name }),
      )
      return { name, permissions: perm.map(toPermissionView) }
    }),
  )
  return views.sort((a, b) => a.name.localeCompare(b.name))
}

/** Creates a user with a password. */
export async function addUser(call: AuthCall, user: string, password: string): Promise<void> {
  await authCall(call, 'user add', { user }, () =>
    call.client.auth.userAdd({ name: user, password }),
  )
}

/** Deletes a user. */
export async function deleteUser(call: AuthCall, user: string): Promise<void> {
  await authCall(call, 'user delete', { user }, () => call.client.auth.userDelete({ name: user }))
}

/** Sets a user's password. */
export async function changePassword(
  call: AuthCall,
  user: string,
  password: string,
): Promise<void> {
  await authCall(call, 'user passwd', { user }, () =>
    call.client.auth.userChangePassword({ name: user, password }),
  )
}

/** Grants a role to a user. */
export async function grantRole(call: AuthCall, user: string, role: string): Promise<void> {
  await authCall(call, 'user grant-role', { user, role }, () =>
    call.client.auth.userGrantRole({ user, role }),
  )
}

/** Revokes a role from a user. */
export async function revokeRole(call: AuthCall, user: string, role: string): Promise<void> {
  await authCall(call, 'user revoke-role', { user, role }, () =>
    call.client.auth.userRevokeRole({ name: user, role }),
  )
}

/** Creates a role (with no permission yet). */
export async function addRole(call: AuthCall, role: string): Promise<void> {
  await authCall(call, 'role add', { role }, () => call.client.auth.roleAdd({ name: role }))
}

/** Deletes a role. */
export async function deleteRole(call: AuthCall, role: string): Promise<void> {
  await authCall(call, 'role delete', { role }, () => call.client.auth.roleDelete({ role }))
}

/** Grants a role `permission` on one key or on every key under a prefix. */
export async function grantPermission(
  call: AuthCall,
  role: string,
  permission: AuthPermission,
  key: string,
  isPrefix: boolean,
): Promise<void> {
  await authCall(call, 'role grant-permission', { role }, () =>
    call.client.auth.roleGrantPermission({
      name: role,
      perm: toEtcdPermission(permission, key, isPrefix),
    }),
  )
}

/**
 * Revokes a role's permission on a key or prefix. Through the RPC, not etcd3's Role.revoke
 * (1.1.2 grants instead of revoking when given a list).
 */
export async function revokePermission(
  call: AuthCall,
  role: string,
  key: string,
  isPrefix: boolean,
): Promise<void> {
  await authCall(call, 'role revoke-permission', { role }, () =>
    call.client.auth.roleRevokePermission({ role, ...permissionRange(key, isPrefix) }),
  )
}
