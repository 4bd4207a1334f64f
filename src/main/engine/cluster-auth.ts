import type { AuthPermission, AuthView } from '../../shared/auth'
import * as admin from '../auth/auth-admin'
import { withAuthClient, type Credentials } from '../auth/auth-client'
import { assertEnabled, assertOneVersion, assertStrongPassword } from '../auth/auth-guards'
import { runAuthSwitch } from '../auth/auth-operation'
import { AuthStates, type AuthState, type AuthStatesDeps } from '../auth/auth-states'
import { checkPassword, disableAuth, enableAuth, ROOT_USER } from '../auth/auth-switch'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { say } from '../maintenance/maintenance-words'

/** What the auth facade needs of the engine. */
export type ClusterAuthDeps = AuthStatesDeps

/**
 * Authentication of the engine's clusters (ETCD-OPS-FACTS §6.1): turn it on (root user and role)
 * and off — each an operation of the cluster, with its etcdctl twins — users, roles and their key
 * permissions, root's password for the engine's own clients (kept encrypted when there is a
 * SecretBox, else in memory for the session) and the key browser's "browse as" user. Auth calls
 * on one cluster run one at a time.
 */
export class ClusterAuth {
  private readonly states: AuthStates

  constructor(private readonly deps: ClusterAuthDeps) {
    this.states = new AuthStates(deps)
  }

  /** Loads a cluster's records and gives its clients root's saved password (engine start). */
  attach(runtime: ClusterRuntime): Promise<void> {
    return this.states.attach(runtime)
  }

  /** Forgets a deleted cluster (its files go with its folder). */
  forget(cluster: string): void {
    this.states.forget(cluster)
  }

  /** The key browser's user of a cluster, or null for the engine's own. */
  browseAs(cluster: string): Credentials {
    return this.states.browseAs(cluster)
  }

  /** The cluster's auth state, users and roles (checked against etcd when it runs). */
  status(cluster: string): Promise<AuthView> {
    return this.states.serial(cluster, (runtime, state) => this.states.view(runtime, state))
  }

  /**
   * Creates user and role root with `rootPassword` and turns authentication on, as an operation
   * of the cluster. When auth is already on (another window, or etcdctl), `rootPassword` must be
   * root's own (AUTH_FAILED otherwise): it then only becomes the engine's.
   */
  async enable(cluster: string, rootPassword: string): Promise<AuthView> {
    assertStrongPassword(cluster, ROOT_USER, rootPassword)
    const runtime = this.deps.runtime(cluster)
    return runAuthSwitch(runtime, 'auth-enable', this.deps.log, (report) =>
      this.states.serial(cluster, async (runtime, state) => {
        assertOneVersion(runtime)
        if (state.isEnabled) {
          report.note(say('note.authAlreadyOn'))
          await withAuthClient(runtime, null, (client, endpoints) =>
            checkPassword({ client, cluster, endpoints, user: null }, ROOT_USER, rootPassword),
          )
        } else {
          await withAuthClient(runtime, null, (client, endpoints) =>
            enableAuth({ client, cluster, endpoints, user: null }, rootPassword, report),
          )
          this.deps.log.info({ cluster }, 'authentication enabled')
        }
        await this.states.useRoot(runtime, state, rootPassword)
        return this.states.view(runtime, state)
      }),
    )
  }

  /** Turns authentication off (as root), as an operation of the cluster; users and roles stay. */
  async disable(cluster: string): Promise<AuthView> {
    const runtime = this.deps.runtime(cluster)
    return runAuthSwitch(runtime, 'auth-disable', this.deps.log, (report) =>
      this.states.serial(cluster, async (runtime, state) => {
        assertEnabled(cluster, state.isEnabled, 'turning it off')
        await this.states.asRoot(runtime, state, (call) => disableAuth(call, report))
        await this.states.recordDisabled(runtime, state)
        this.deps.log.info({ cluster }, 'authentication disabled')
        return this.states.view(runtime, state)
      }),
    )
  }

  /** Gives the engine root's password (checked with etcd first); AUTH_FAILED when wrong. */
  provideRootPassword(cluster: string, password: string): Promise<AuthView> {
    return this.states.serial(cluster, async (runtime, state) => {
      assertEnabled(cluster, state.isEnabled, "root's password")
      await withAuthClient(runtime, null, (client, endpoints) =>
        checkPassword({ client, cluster, endpoints, user: null }, ROOT_USER, password),
      )
      await this.states.useRoot(runtime, state, password)
      return this.states.view(runtime, state)
    })
  }

  /** Runs the key browser as `user` (its password checked first), or as the engine when null. */
  setBrowseAs(cluster: string, user: string | null, password = ''): Promise<AuthView> {
    return this.states.serial(cluster, async (runtime, state) => {
      if (user !== null) {
        assertEnabled(cluster, state.isEnabled, 'browsing as another user')
        await withAuthClient(runtime, null, (client, endpoints) =>
          checkPassword({ client, cluster, endpoints, user: null }, user, password),
        )
      }
      state.browseAs = user === null ? null : { username: user, password }
      this.deps.log.info({ cluster, user }, 'key browser user set')
      this.states.tellWindows(runtime)
      return this.states.view(runtime, state)
    })
  }

  /** Creates a user. */
  async addUser(cluster: string, user: string, password: string): Promise<AuthView> {
    assertStrongPassword(cluster, user, password)
    return this.change(cluster, (call) => admin.addUser(call, user, password))
  }

  /** Deletes a user (and stops browsing as it). */
  deleteUser(cluster: string, user: string): Promise<AuthView> {
    return this.change(cluster, async (call, state) => {
      await admin.deleteUser(call, user)
      if (state.browseAs?.username === user) state.browseAs = null
    })
  }

  /** Sets a user's password; root's also reaches the engine's clients and its encrypted store. */
  async changePassword(cluster: string, user: string, password: string): Promise<AuthView> {
    assertStrongPassword(cluster, user, password)
    return this.change(cluster, async (call, state, runtime) => {
      await admin.changePassword(call, user, password)
      if (user === ROOT_USER && state.isEnabled) {
        await this.states.useRoot(runtime, state, password)
      }
      if (state.browseAs?.username === user) state.browseAs = { username: user, password }
    })
  }

  /** Grants a role to a user. */
  grantRole(cluster: string, user: string, role: string): Promise<AuthView> {
    return this.change(cluster, (call) => admin.grantRole(call, user, role))
  }

  /** Revokes a role from a user. */
  revokeRole(cluster: string, user: string, role: string): Promise<AuthView> {
    return this.change(cluster, (call) => admin.revokeRole(call, user, role))
  }

  /** Creates a role. */
  addRole(cluster: string, role: string): Promise<AuthView> {
    return this.change(cluster, (call) => admin.addRole(call, role))
  }

  /** Deletes a role. */
  deleteRole(cluster: string, role: string): Promise<AuthView> {
    return this.change(cluster, (call) => admin.deleteRole(call, role))
  }

  /** Grants a role a permission on a key or a prefix. */
  grantPermission(
    cluster: string,
    role: string,
    permission: AuthPermission,
    key: string,
    isPrefix: boolean,
  ): Promise<AuthView> {
    return this.change(cluster, (call) =>
      admin.grantPermission(call, role, permission, key, isPrefix),
    )
  }

  /** Revokes a role's permission on a key or a prefix. */
  revokePermission(
    cluster: string,
    role: string,
    key: string,
    isPrefix: boolean,
  ): Promise<AuthView> {
    return this.change(cluster, (call) => admin.revokePermission(call, role, key, isPrefix))
  }

  /** A user or role change, as root when auth is on; answers the new view. */
  private change(
    cluster: string,
    work: (call: admin.AuthCall, state: AuthState, runtime: ClusterRuntime) => Promise<void>,
  ): Promise<AuthView> {
    return this.states.serial(cluster, async (runtime, state) => {
      assertOneVersion(runtime)
      await this.states.asRoot(runtime, state, (call) => work(call, state, runtime))
      this.states.tellWindows(runtime)
      return this.states.view(runtime, state)
    })
  }
}
