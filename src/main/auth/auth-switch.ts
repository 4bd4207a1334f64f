import type { EngineWords } from '../../shared/engine-words/engine-words'
import { say } from '../maintenance/maintenance-words'
import { authCall, type AuthCall } from './auth-admin'

/** The user and role etcd requires before AuthEnable (server/auth/store.go). */
export const ROOT_USER = 'root'

/** How turning auth on or off reports each etcd call before making it (the operation's report). */
export interface AuthSwitchReport {
  /** Records the call as etcdctl arguments (`['user', 'add', 'root']`): its twin and its step. */
  etcdctl(args: string[]): Promise<void>
  /** Adds a line to the operation's history. */
  note(words: EngineWords): void
}

/**
 * Turns authentication on the way etcdctl does, through a client (ETCD-OPS-FACTS §6.1): user
 * root with `password` (its password is set when root already exists, as after an earlier
 * disable), role root granted to it, then AuthEnable. `call` presents no user (auth is off).
 */
export async function enableAuth(
  call: AuthCall,
  password: string,
  report: AuthSwitchReport,
): Promise<void> {
  const { users } = await authCall(call, 'user list', {}, () => call.client.auth.userList({}))
  if (users.includes(ROOT_USER)) {
    await report.etcdctl(['user', 'passwd', ROOT_USER])
    await authCall(call, 'user passwd', { user: ROOT_USER }, () =>
      call.client.auth.userChangePassword({ name: ROOT_USER, password }),
    )
  } else {
    await report.etcdctl(['user', 'add', ROOT_USER])
    await authCall(call, 'user add', { user: ROOT_USER }, () =>
      call.client.auth.userAdd({ name: ROOT_USER, password }),
    )
  }
  const { roles } = await authCall(call, 'role list', {}, () => call.client.auth.roleList({}))
  if (roles.includes(ROOT_USER)) {
    report.note(say('note.rootRoleKept', { role: ROOT_USER }))
  } else {
    await report.etcdctl(['role', 'add', ROOT_USER])
    await authCall(call, 'role add', { role: ROOT_USER }, () =>
      call.client.auth.roleAdd({ name: ROOT_USER }),
    )
  }
  await report.etcdctl(['user', 'grant-role', ROOT_USER, ROOT_USER])
  await authCall(call, 'user grant-role', { user: ROOT_USER, role: ROOT_USER }, () =>
    call.client.auth.userGrantRole({ user: ROOT_USER, role: ROOT_USER }),
  )
  await report.etcdctl(['auth', 'enable'])
  await authCall(call, 'auth enable', {}, () => call.client.auth.authEnable({}))
  report.note(say('note.authOn'))
}

/** Turns authentication off; `call` presents root. Users and roles stay for a later enable. */
export async function disableAuth(call: AuthCall, report: AuthSwitchReport): Promise<void> {
  await report.etcdctl(['auth', 'disable'])
  await authCall(call, 'auth disable', {}, () => call.client.auth.authDisable({}))
  report.note(say('note.authOff'))
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
