import { join } from 'node:path'
import type { AuthView } from '../../shared/auth'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import type { EngineLog } from '../log/engine-log'
import type { DataLayout } from '../store/data-layout'
import { readAuthEnabled } from '../upgrade/auth-check'
import * as admin from './auth-admin'
import { withAuthClient, type Credentials } from './auth-client'
import { rootNeeded } from './auth-guards'
import { AuthStore } from './auth-store'
import { ROOT_USER } from './auth-switch'
import type { SecretBox } from './secret-box'

/** What the clusters' auth states need of the engine. */
export interface AuthStatesDeps {
  runtime: (cluster: string) => ClusterRuntime
  layout: DataLayout
  /** Encrypts root's password at rest (Electron's safeStorage); absent: memory only. */
  secrets: SecretBox | undefined
  log: EngineLog
}

/** One cluster's auth as the engine keeps it. */
export interface AuthState {
  store: AuthStore
  isEnabled: boolean | null
  /** The key browser's user, or null (the engine's own: root when auth is on). */
  browseAs: Credentials
}

function noop(): void {}

/**
 * Every cluster's authentication state: whether it is on (recorded, and followed when etcdctl
 * changed it), the user the engine's own clients present (root once its password is known), the
 * key browser's user, and a queue per cluster so that its auth calls run one at a time.
 */
export class AuthStates {
  private readonly states = new Map<string, AuthState>()
  private readonly queues = new Map<string, Promise<unknown>>()

  constructor(private readonly deps: AuthStatesDeps) {}

  /** Loads a cluster's records and gives its clients root's saved password (engine start). */
  async attach(runtime: ClusterRuntime): Promise<void> {
    const name = runtime.def.name
    const dir = join(this.deps.layout.clusterDir(name), 'auth')
    const store = new AuthStore(dir, this.deps.secrets, this.deps.log.child({ cluster: name }))
    const isEnabled = await store.readEnabled()
    this.states.set(name, { store, isEnabled, browseAs: null })
    if (!isEnabled) return
    const password = await store.readRootPassword()
    if (password !== null) runtime.setAuth({ username: ROOT_USER, password })
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

  /** Runs `work` after the cluster's earlier auth calls, its state first checked against etcd. */
  serial<T>(
    cluster: string,
    work: (runtime: ClusterRuntime, state: AuthState) => Promise<T>,
  ): Promise<T> {
    const previous = this.queues.get(cluster) ?? Promise.resolve()
    // Only the order matters here: the previous call's failure belongs to its own caller.
    const next = previous.then(noop, noop).then(async () => {
      const runtime = this.deps.runtime(cluster)
      const state = this.states.get(cluster)
      if (!state) throw new Error(`no auth state for cluster ${cluster}`)
      await this.reconcile(runtime, state)
      return work(runtime, state)
    })
    this.queues.set(cluster, next)
    return next
  }

  /** Runs `work` with the engine's own user: root when auth is on, none when it is off. */
  asRoot<T>(
    runtime: ClusterRuntime,
    state: AuthState,
    work: (call: admin.AuthCall) => Promise<T>,
  ): Promise<T> {
    const auth = runtime.security.auth
    if (state.isEnabled && !auth) return Promise.reject(rootNeeded(runtime.def.name))
    return withAuthClient(runtime, auth, (client, endpoints) =>
      work({ client, cluster: runtime.def.name, endpoints, user: auth?.username ?? null }),
    )
  }

  /** Records auth on with root's `password`: saved (encrypted, if it can be) and used by clients. */
  async useRoot(runtime: ClusterRuntime, state: AuthState, password: string): Promise<void> {
    await state.store.writeEnabled(true)
    state.isEnabled = true
    await state.store.saveRootPassword(password)
    this.setClientUser(runtime, { username: ROOT_USER, password })
  }

  /** Records auth off: root's saved password removed, clients and the key browser without user. */
  async recordDisabled(runtime: ClusterRuntime, state: AuthState): Promise<void> {
    await state.store.writeEnabled(false)
    await state.store.forgetRootPassword()
    state.isEnabled = false
    state.browseAs = null
    this.setClientUser(runtime, null)
  }

  /** The cluster's AuthView; users and roles are listed from etcd when it runs and root is known. */
  async view(runtime: ClusterRuntime, state: AuthState): Promise<AuthView> {
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
      if (password !== null) this.setClientUser(runtime, { username: ROOT_USER, password })
      return
    }
    state.browseAs = null
    this.setClientUser(runtime, null)
  }

  /**
   * Tells every window the cluster's auth changed (users, roles, browse as …) by pushing its view:
   * they read the auth view, and the etcdctl lines that carry the engine's user, again.
   */
  tellWindows(runtime: ClusterRuntime): void {
    runtime.notifyChanged()
  }

  /** Sets the user every client of the cluster presents (the windows are told). */
  private setClientUser(runtime: ClusterRuntime, auth: Credentials): void {
    runtime.setAuth(auth)
    this.tellWindows(runtime)
  }
}
