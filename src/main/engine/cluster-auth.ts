import { join } from 'node:path'
import type { AuthPermission, AuthView } from '../../shared/auth'
import * as admin from '../auth/auth-admin'
import { withAuthClient, type Credentials } from '../auth/auth-client'
import {
  assertEnabled,
  assertOneVersion,
  assertStrongPassword,
  rootNeeded,
} from '../auth/auth-guards'
import { AuthStore } from '../auth/auth-store'
import { checkPassword, disableAuth, enableAuth } from '../auth/auth-switch'
import type { SecretBox } from '../auth/secret-box'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import type { EngineLog } from '../log/engine-log'
import type { DataLayout } from '../store/data-layout'
import { readAuthEnabled } from '../upgrade/auth-check'

/** What the auth facade needs of the engine. */
export interface ClusterAuthDeps {
  runtime: (cluster: string) => ClusterRuntime
  layout: DataLayout
  /** Encrypts root's password at rest (Electron's safeStorage); absent: memory only. */
  secrets: SecretBox | undefined
  log: EngineLog
}

/** One cluster's auth as the engine keeps it. */
interface AuthState {
  store: AuthStore
  isEnabled: boolean | null
  /** The key browser's user, or null (the engine's own: root when auth is on). */
  browseAs: Credentials
}

const ROOT = 'root'

function noop(): void {}

/**
 * Authentication of the engine's clusters (ETCD-OPS-FACTS §6.1): turn it on (root user and role)
 * and off, users, roles and their key permissions, root's password for the engine's own clients
 * (kept encrypted when there is a SecretBox, else in memory for the session) and the key
 * browser's "browse as" user. Calls on one cluster run one at a time.
 */
export class ClusterAuth {
  private readonly states = new Map<string, AuthState>()
  private readonly queues = new Map<string, Promise<unknown>>()

  constructor(private readonly deps: ClusterAuthDeps) {}

  /** Loads a cluster's records and gives its clients root's saved password (engine start). */
  async attach(runtime: ClusterRuntime): Promise<void> {
    const name = runtime.def.name
    const dir = join(this.deps.layout.clusterDir(name), 'auth')
    const store = new AuthStore(dir, this.deps.secrets, this.deps.log.child({ cluster: name }))
    const isEnabled = await store.readEnabled()
    this.states.set(name, { store, isEnabled, browseAs: null })
    if (!isEnabled) return
    const password = await store.readRootPassword()
    if (password !== null) runtime.setAuth({ username: ROOT, password })
  }

  /** Forgets a deleted cluster (its files go with its folder). */
  forget(cluster: string): void {
    this.states.delete(cluster)
    this.queues.delete(cluster)
  }

  /** The key browser's user of a cluster, or null for the engine's own. */
  browseAs(cluster: string): Credentials {
    return this.states.get(cluster)?.browseAs ?? null
  }

  /** The cluster's auth state, users and roles (checked against etcd when it runs). */
  status(cluster: string): Promise<AuthView> {
    return this.serial(cluster, (runtime, state) => this.view(runtime, state))
  }

  /** Creates user and role root with `rootPassword` and turns authentication on. */
  enable(cluster: string, rootPassword: string): Promise<AuthView> {
    return this.serial(cluster, async (runtime, state) => {
      assertStrongPassword(cluster, ROOT, rootPassword)
      assertOneVersion(runtime)
      if (state.isEnabled && !runtime.security.auth) throw rootNeeded(cluster)
      if (!state.isEnabled) {
        await withAuthClient(runtime, null, (client, endpoints) =>
          enableAuth({ client, cluster, endpoints, user: null }, rootPassword),
        )
        this.deps.log.info({ cluster }, 'authentication enabled')
      }
      await this.setRoot(runtime, state, rootPassword, true)
      return this.view(runtime, state)
    })
  }

  /** Turns authentication off (as root); users and roles stay. */
  disable(cluster: string): Promise<AuthView> {
    return this.serial(cluster, async (runtime, state) => {
      assertEnabled(cluster, state.isEnabled, 'turning it off')
      await this.asRoot(runtime, state, disableAuth)
      await state.store.writeEnabled(false)
      await state.store.forgetRootPassword()
      state.isEnabled = false
      state.browseAs = null
      runtime.setAuth(null)
      this.deps.log.info({ cluster }, 'authentication disabled')
      return this.view(runtime, state)
    })
  }

  /** Gives the engine root's password (checked with etcd first); AUTH_FAILED when wrong. */
  provideRootPassword(cluster: string, password: string): Promise<AuthView> {
    return this.serial(cluster, async (runtime, state) => {
      assertEnabled(cluster, state.isEnabled, "root's password")
      await withAuthClient(runtime, null, (client, endpoints) =>
        checkPassword({ client, cluster, endpoints, user: null }, ROOT, password),
      )
      await this.setRoot(runtime, state, password, true)
      return this.view(runtime, state)
    })
  }

  /** Runs the key browser as `user` (its password checked first), or as the engine when null. */
  setBrowseAs(cluster: string, user: string | null, password = ''): Promise<AuthView> {
    return this.serial(cluster, async (runtime, state) => {
      if (user !== null) {
        assertEnabled(cluster, state.isEnabled, 'browsing as another user')
        await withAuthClient(runtime, null, (client, endpoints) =>
          checkPassword({ client, cluster, endpoints, user: null }, user, password),
        )
      }
      state.browseAs = user === null ? null : { username: user, password }
      this.deps.log.info({ cluster, user }, 'key browser user set')
      return this.view(runtime, state)
    })
  }

  /** Creates a user. */
  addUser(cluster: string, user: string, password: string): Promise<AuthView> {
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
  changePassword(cluster: string, user: string, password: string): Promise<AuthView> {
    assertStrongPassword(cluster, user, password)
    return this.change(cluster, async (call, state, runtime) => {
      await admin.changePassword(call, user, password)
      if (user === ROOT && state.isEnabled) await this.setRoot(runtime, state, password, false)
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
    return this.serial(cluster, async (runtime, state) => {
      assertOneVersion(runtime)
      await this.asRoot(runtime, state, (call) => work(call, state, runtime))
      return this.view(runtime, state)
    })
  }

  /** Runs `work` with the engine's own user: root when auth is on, none when it is off. */
  private asRoot<T>(
    runtime: ClusterRuntime,
    state: AuthState,
    work: (call: admin.AuthCall) => Promise<T>,
  ): Promise<T> {
    const auth = runtime.security.auth
    if (state.isEnabled && !auth) throw rootNeeded(runtime.def.name)
    return withAuthClient(runtime, auth, (client, endpoints) =>
      work({ client, cluster: runtime.def.name, endpoints, user: auth?.username ?? null }),
    )
  }

  private async setRoot(
    runtime: ClusterRuntime,
    state: AuthState,
    password: string,
    isEnabledNow: boolean,
  ): Promise<void> {
    if (isEnabledNow) await state.store.writeEnabled(true)
    state.isEnabled = true
    await state.store.saveRootPassword(password)
    runtime.setAuth({ username: ROOT, password })
  }

  /** Reads whether auth is on from etcd itself (etcdctl may have changed it) and follows it. */
  private async reconcile(runtime: ClusterRuntime, state: AuthState): Promise<void> {
    if (!runtime.isActive()) return
    const actual = await readAuthEnabled(runtime, this.deps.log)
    if (actual === null || actual === state.isEnabled) return
    this.deps.log.info(
      { cluster: runtime.def.name, isEnabled: actual },
      'authentication changed outside etcd Desk',
    )
    state.isEnabled = actual
    await state.store.writeEnabled(actual)
    if (actual) {
      const password = await state.store.readRootPassword()
      if (password !== null) runtime.setAuth({ username: ROOT, password })
      return
    }
    state.browseAs = null
    runtime.setAuth(null)
  }

  private async view(runtime: ClusterRuntime, state: AuthState): Promise<AuthView> {
    const isRunning = runtime.view().members.some((m) => m.state === 'running')
    const isRootPasswordKnown = !state.isEnabled || runtime.security.auth !== null
    const canList = isRunning && isRootPasswordKnown
    const lists = canList
      ? await this.asRoot(runtime, state, async (call) => ({
          users: await admin.listUsers(call),
          roles: await admin.listRoles(call),
        }))
      : { users: [], roles: [] }
    return {
      cluster: runtime.def.name,
      isEnabled: state.isEnabled,
      isRootPasswordKnown,
      passwordStore: state.store.isEncrypted ? 'encrypted' : 'memory',
      browseAs: state.browseAs?.username ?? null,
      isRunning,
      ...lists,
    }
  }

  private serial<T>(
    cluster: string,
    work: (runtime: ClusterRuntime, state: AuthState) => Promise<T>,
  ): Promise<T> {
    const runtime = this.deps.runtime(cluster)
    const previous = this.queues.get(cluster) ?? Promise.resolve()
    // Only the order matters here: the previous call's failure belongs to its own caller.
    const next = previous.then(noop, noop).then(async () => {
      const state = this.states.get(cluster)
      if (!state) throw new Error(`no auth state for cluster ${cluster}`)
      await this.reconcile(runtime, state)
      return work(runtime, state)
    })
    this.queues.set(cluster, next)
    return next
  }
}
