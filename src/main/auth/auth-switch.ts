import { authCall, type AuthCall } from './auth-admin'

/** The user and role etcd requires before AuthEnable (server/auth/store.go). */
const ROOT = 'root'

/**
 * Turns authentication on the way etcdctl does, through a client (ETCD-OPS-FACTS §6.1): user
 * root with `password` (its password is set when root already exists, as after an earlier
 * disable), role root granted to it, then AuthEnable. `call` presents no user (auth is off).
 */
export async function enableAuth(call: AuthCall, password: string): Promise<void> {
  const { users } = await authCall(call, 'user list', {}, () => call.client.auth.userList({}))
  if (users.includes(ROOT)) {
    await authCall(call, 'user passwd', { user: ROOT }, () =>
      call.client.auth.userChangePassword({ name: ROOT, password }),
    )
  } else {
    await authCall(call, 'user add', { user: ROOT }, () =>
      call.client.auth.userAdd({ name: ROOT, password }),
    )
  }
  const { roles } = await authCall(call, 'role list', {}, () => call.client.auth.roleList({}))
  if (!roles.includes(ROOT)) {
    await authCall(call, 'role add', { role: ROOT }, () => call.client.auth.roleAdd({ name: ROOT }))
  }
  await authCall(call, 'user grant-role', { user: ROOT, role: ROOT }, () =>
    call.client.auth.userGrantRole({ user: ROOT, role: ROOT }),
  )
  await authCall(call, 'auth enable', {}, () => call.client.auth.authEnable({}))
}

/** Turns authentication off; `call` presents root. Users and roles stay for a later enable. */
export async function disableAuth(call: AuthCall): Promise<void> {
  await authCall(call, 'auth disable', {}, () => call.client.auth.authDisable({}))
}

/**
 * Checks a user's password with etcd's Authenticate RPC (it needs no token); AUTH_FAILED names the
 * user. `call` presents no user, so nothing else is tried first.
 */
export async function checkPassword(call: AuthCall, user: string, password: string): Promise<void> {
  await authCall({ ...call, user }, 'authenticate', { user }, () =>
    call.client.auth.authenticate({ name: user, password }),
  )
}
