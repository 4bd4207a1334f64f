import { join } from 'node:path'
import type { ClusterStatus, LeaderChange } from '../../shared/cluster'
import type { ConnectionSpec, ConnectionTestResult, ConnectionView } from '../../shared/connections'
import type { SecretBox } from '../auth/secret-box'
import { connectionSecurity } from '../connections/connection-security'
import { ConnectionStore } from '../connections/connection-store'
import { testConnection } from '../connections/connection-test'
import { RemoteCluster, type RemoteKeyTarget } from '../connections/remote-cluster'
import { connectionEtcdctlFlags } from '../connections/connection-etcdctl'
import type { RemoteMaintenanceTarget } from '../connections/remote-operations'
import { compareVersions } from '../../shared/version-order'
import { EngineError } from '../errors/engine-error'
import type { EngineLog } from '../log/engine-log'

/** What connections need of the engine. */
export interface ClusterConnectionsDeps {
  dataDir: string
  secrets: SecretBox | undefined
  /** Names of the local clusters (a connection may not take one). */
  clusterNames: () => string[]
  /** A connection's keys were reached with other settings: the key browser drops its client. */
  forgetKeys: (name: string) => Promise<void>
  onStatus: (status: ClusterStatus) => void
  onLeaderChange: (name: string, change: LeaderChange) => void
  log: EngineLog
}

/**
 * Connections to clusters etcd Desk did not create: saved, tested, opened (members polled, keys
 * reachable through ClusterKeys with the connection's TLS, user and read-only), deleted.
 */
export class ClusterConnections {
  private readonly store: ConnectionStore
  private readonly open = new Map<string, Promise<RemoteCluster>>()
  private readonly opened = new Map<string, RemoteCluster>()
  /** Names of the saved connections, kept in step with the store (asked synchronously). */
  private saved: string[] = []

  constructor(private readonly deps: ClusterConnectionsDeps) {
    this.store = new ConnectionStore(
      join(deps.dataDir, 'connections'),
      deps.secrets,
      deps.log.child({ module: 'connections' }),
    )
  }

  /** Every saved connection, with whether its password is known. */
  async list(): Promise<ConnectionView[]> {
    const specs = await this.store.list()
    this.saved = specs.map((s) => s.name)
    return Promise.all(specs.map((spec) => this.view(spec)))
  }

  /**
   * Saves a connection (`isNew`: refused when the name is taken); `password` undefined keeps the
   * known one. An open connection is closed so that its next use has the new settings.
   */
  async save(spec: ConnectionSpec, password: string | null | undefined, isNew: boolean) {
    const name = spec.name
    if (this.deps.clusterNames().includes(name)) {
      throw new EngineError('CONNECTION_EXISTS', `A local cluster is named ${name}.`, {
        connection: name,
        usedBy: 'cluster',
      })
    }
    const exists = (await this.store.list()).some((s) => s.name === name)
    if (isNew && exists) {
      throw new EngineError('CONNECTION_EXISTS', `A connection named ${name} exists.`, {
        connection: name,
        usedBy: 'connection',
      })
    }
    if (!isNew && !exists) throw notFound(name)
    // The TLS files are read now, so a bad one is named before anything is saved.
    await connectionSecurity(spec, null)
    await this.close(name)
    await this.store.save(spec, password)
    if (!this.saved.includes(name)) this.saved = [...this.saved, name]
    this.deps.log.info({ connection: name, endpoints: spec.endpoints }, 'connection saved')
    return this.view(spec)
  }

  /** Deletes a saved connection (its password too). */
  async remove(name: string): Promise<void> {
    await this.specOf(name)
    await this.close(name)
    await this.store.remove(name)
    this.saved = this.saved.filter((n) => n !== name)
    this.deps.log.info({ connection: name }, 'connection deleted')
  }

  /** "Test connection" of settings not saved yet (the password typed, or the saved one). */
  async test(spec: ConnectionSpec, password: string | null | undefined) {
    const known = password === undefined ? await this.store.password(spec.name) : password
    const security = await connectionSecurity(spec, known)
    return testConnection(spec.endpoints, security) satisfies Promise<ConnectionTestResult>
  }

  /** Opens a connection (members found, polling started), or the one open; its status now. */
  async connect(name: string): Promise<ClusterStatus> {
    let opening = this.open.get(name)
    if (!opening) {
      opening = this.openRemote(name)
      this.open.set(name, opening)
      opening.catch(() => this.open.delete(name))
    }
    const remote = await opening
    return remote.status ?? (await remote.poll())
  }

  /** Names of the saved connections (a new local cluster may not take one). */
  names(): string[] {
    return this.saved
  }

  /** The status of an open connection, or null. */
  status(name: string): ClusterStatus | null {
    return this.opened.get(name)?.status ?? null
  }

  /** The key browser's target for an open connection; null when `name` is no open connection. */
  keyTarget(name: string): RemoteKeyTarget | null {
    return this.opened.get(name)?.keyTarget() ?? null
  }

  /**
   * The key browser's target for a saved connection: at once when it is open, else once it is
   * opened again (saving its settings closes it, and the window may ask before it has reopened);
   * null when `name` is no saved connection.
   */
  keyTargetOf(name: string): RemoteKeyTarget | Promise<RemoteKeyTarget | null> | null {
    const open = this.keyTarget(name)
    if (open || !this.saved.includes(name)) return open
    return this.connect(name).then(() => this.keyTarget(name))
  }

  /** Maintenance's target for an open connection; null when `name` is no open connection. */
  private maintenanceTarget(name: string): RemoteMaintenanceTarget | null {
    const remote = this.opened.get(name)
    if (!remote) return null
    const versions = (remote.status?.members ?? []).flatMap((m) => (m.version ? [m.version] : []))
    return {
      name,
      readOnly: remote.spec.readOnly,
      target: remote.maintenanceTarget(),
      version: versions.sort(compareVersions)[0] ?? null,
      etcdctlFlags: connectionEtcdctlFlags(remote.spec),
    }
  }

  /**
   * Maintenance's target for a saved connection, opened first when it is not open (saving its
   * settings closes it, and the window may ask before it has reopened); null when `name` is no
   * saved connection.
   */
  async openedMaintenanceTarget(name: string): Promise<RemoteMaintenanceTarget | null> {
    if (!this.saved.includes(name)) return null
    await this.connect(name)
    return this.maintenanceTarget(name)
  }

  /** Closes every open connection (engine close). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.open.keys()].map((name) => this.close(name)))
  }

  private async openRemote(name: string): Promise<RemoteCluster> {
    const spec = await this.specOf(name)
    const password = await this.store.password(name)
    if (spec.username !== null && password === null) {
      throw new EngineError(
        'CONNECTION_PASSWORD_NEEDED',
        `Connection ${name} logs in as ${spec.username}; enter its password (kept for this session only here).`,
        { connection: name, username: spec.username },
      )
    }
    const remote = new RemoteCluster(
      spec,
      await connectionSecurity(spec, password),
      this.deps.log.child({ connection: name }),
    )
    remote.on('status', (status) => this.deps.onStatus(status))
    remote.on('leader-change', (change) => this.deps.onLeaderChange(name, change))
    try {
      await remote.open()
    } catch (error) {
      await remote.close()
      throw error
    }
    this.opened.set(name, remote)
    return remote
  }

  private async close(name: string): Promise<void> {
    const opening = this.open.get(name)
    this.open.delete(name)
    this.opened.delete(name)
    const remote = await opening?.catch(() => null)
    await remote?.close()
    await this.deps.forgetKeys(name)
  }

  private async specOf(name: string): Promise<ConnectionSpec> {
    const spec = (await this.store.list()).find((s) => s.name === name)
    if (!spec) throw notFound(name)
    return spec
  }

  private async view(spec: ConnectionSpec): Promise<ConnectionView> {
    return { ...spec, hasPassword: (await this.store.password(spec.name)) !== null }
  }
}

function notFound(name: string): EngineError {
  return new EngineError('CONNECTION_NOT_FOUND', `There is no connection named ${name}.`, {
    connection: name,
  })
}
