import { randomUUID } from 'node:crypto'
import type { ChildPage, KeyEntry, KeyEvent, KeyPage } from '../../shared/keys'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { clientUrlOf } from '../cluster/etcd-flags'
import type { Credentials } from '../auth/auth-client'
import type { ClientSecurity } from '../etcd/client-security'
import { EngineError, isEngineError } from '../errors/engine-error'
import type { EngineLog } from '../log/engine-log'
import type { ListChildrenRequest } from '../keys/key-children'
import type { ListPageRequest } from '../keys/key-pages'
import { KeyService } from '../keys/key-service'
import { printableKey } from '../keys/key-bytes'
import type { KeyWatch } from '../keys/key-watch'
import type { RemoteKeyTarget } from '../connections/remote-cluster'
import type { PutOptions } from '../keys/key-writes'

/**
 * Where one watch reports, tagged with its id: only to the window that opened it (its client
 * session), never to every window.
 */
export interface KeyWatchListener {
  events(cluster: string, watchId: string, events: KeyEvent[]): void
  resync(cluster: string, watchId: string, revision: string): void
  error(cluster: string, watchId: string, message: string): void
}

/** A cached key service and the credentials it was opened with. */
interface OpenService {
  service: KeyService
  security: ClientSecurity
  browseAs: Credentials
}

/** A key watch and where it reports. */
interface OpenWatch {
  cluster: string
  watch: KeyWatch
  listener: KeyWatchListener
}

/**
 * The key browser side of the engine: one KeyService per running cluster, created on first use,
 * with the cluster's "browse as" user when one is set (else the engine's own: root when auth is
 * on). A service opened with other credentials than the cluster's now is replaced at its next use.
 */
export class ClusterKeys {
  private readonly services = new Map<string, OpenService>()
  private readonly watches = new Map<string, OpenWatch>()

  constructor(
    private readonly runtimeOf: (cluster: string) => ClusterRuntime,
    private readonly log: EngineLog,
    private readonly browseAs: (cluster: string) => Credentials = () => null,
    /**
     * A connection's target (a cluster etcd Desk did not create), reopened first when it was
     * closed by a settings save; null for a local cluster.
     */
    private readonly remoteOf: (
      cluster: string,
    ) => RemoteKeyTarget | Promise<RemoteKeyTarget | null> | null = () => null,
  ) {}

  /** One page of keys under a prefix. */
  list(cluster: string, request: ListPageRequest): Promise<KeyPage> {
    return this.use(cluster, 'read', request.prefix, (s) => s.listPage(request))
  }

  /** One page of a folder's direct children. */
  children(cluster: string, request: ListChildrenRequest): Promise<ChildPage> {
    return this.use(cluster, 'read', request.prefix, (s) => s.listChildren(request))
  }

  /** How many keys start with a prefix. */
  count(cluster: string, prefix: Uint8Array): Promise<number> {
    return this.use(cluster, 'read', prefix, (s) => s.count(prefix))
  }

  /** One key with its value and metadata. */
  get(cluster: string, key: Uint8Array): Promise<KeyEntry> {
    return this.use(cluster, 'read', key, (s) => s.get(key))
  }

  /** Writes a key, optionally only if its mod revision is unchanged. */
  put(
    cluster: string,
    key: Uint8Array,
    value: Uint8Array,
    options?: PutOptions,
  ): Promise<{ revision: string }> {
    return this.use(cluster, 'write', key, (s) => s.put(key, value, options))
  }

  /** Deletes one key. */
  delete(cluster: string, key: Uint8Array): Promise<{ deleted: number }> {
    return this.use(cluster, 'write', key, (s) => s.delete(key))
  }

  /** Deletes every key under a prefix. */
  deletePrefix(
    cluster: string,
    prefix: Uint8Array,
    options?: { all?: boolean },
  ): Promise<{ deleted: number }> {
    return this.use(cluster, 'write', prefix, (s) => s.deletePrefix(prefix, options))
  }

  /** Starts watching a prefix; what it sees goes to `listener` with the returned id. */
  async watch(
    cluster: string,
    prefix: Uint8Array,
    fromRevision: string | undefined,
    listener: KeyWatchListener,
  ): Promise<string> {
    const id = randomUUID()
    const watch = await this.use(cluster, 'read', prefix, (s) =>
      s.watch(prefix, {
        fromRevision,
        onEvents: (events) => listener.events(cluster, id, events),
        onResync: (revision) => listener.resync(cluster, id, revision),
        onError: (error) => {
          this.log.warn({ cluster, watchId: id, err: error }, 'key watch failed')
          listener.error(cluster, id, error.message)
        },
      }),
    )
    this.watches.set(id, { cluster, watch, listener })
    return id
  }

  /** True while the watch `id` is open. */
  hasWatch(id: string): boolean {
    return this.watches.has(id)
  }

  /** Stops a watch. */
  async unwatch(id: string): Promise<void> {
    const entry = this.watches.get(id)
    this.watches.delete(id)
    await entry?.watch.close()
  }

  /** Closes a cluster's connections and watches (when it is deleted). */
  async forget(cluster: string): Promise<void> {
    for (const [id, entry] of this.watches) if (entry.cluster === cluster) await this.unwatch(id)
    await this.services.get(cluster)?.service.close()
    this.services.delete(cluster)
  }

  /** Closes everything. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.services.keys()].map((c) => this.forget(c)))
  }

  /**
   * Runs a key call on the cluster's service (history, leases, search and import/export use it
   * too); a permission denial names the user, the key and the permission it lacks (etcd says
   * only "permission denied"). Every write goes through it with permission 'write'.
   */
  async use<T>(
    cluster: string,
    permission: 'read' | 'write',
    key: Uint8Array,
    work: (service: KeyService) => Promise<T>,
  ): Promise<T> {
    const remote = await this.remoteOf(cluster)
    if (permission === 'write' && remote?.readOnly) {
      // Security: a read-only connection refuses every write before anything is sent.
      throw new EngineError(
        'READ_ONLY',
        `Connection ${cluster} is read-only: etcd Desk did not send this write of ${printableKey(key)}.`,
        { cluster, key: printableKey(key) },
      )
    }
    const service = this.service(cluster, remote)
    try {
      return await work(service)
    } catch (error) {
      if (!isEngineError(error) || !error.is('PERMISSION_DENIED')) throw error
      const security = remote?.security ?? this.runtimeOf(cluster).security
      const user = this.browseAs(cluster)?.username ?? security.auth?.username ?? null
      const printable = printableKey(key)
      const who = user ?? 'a client without a user'
      throw new EngineError(
        'PERMISSION_DENIED',
        `etcd denied ${who} to ${permission} ${printable}: ${who} lacks ${permission} permission on it.`,
        { ...error.detail, cluster, user, key: printable, permission },
      )
    }
  }

  /** The key service of a connection (`remote`) or of a local cluster, which must be running. */
  private service(cluster: string, remote: RemoteKeyTarget | null): KeyService {
    if (remote) return this.serviceFor(cluster, remote.endpoints, remote.security)
    const runtime = this.runtimeOf(cluster)
    if (!runtime.isActive()) {
      throw new EngineError(
        'CLUSTER_NOT_RUNNING',
        `Cluster ${cluster} is not running; start it to browse its keys.`,
        { cluster },
      )
    }
    return this.serviceFor(
      cluster,
      runtime.def.members.map((m) => clientUrlOf(runtime.def, m)),
      runtime.security,
    )
  }

  /** The cached service of `cluster`, replaced when it was opened with other credentials. */
  private serviceFor(cluster: string, endpoints: string[], security: ClientSecurity): KeyService {
    const browseAs = this.browseAs(cluster)
    const open = this.services.get(cluster)
    if (open && open.security === security && open.browseAs === browseAs) return open.service
    if (open) {
      this.replace(cluster, open).catch((error: unknown) =>
        this.log.warn({ cluster, err: error }, 'closing a key service of other credentials failed'),
      )
    }
    const service = new KeyService(endpoints, {
      log: this.log.child({ cluster }),
      security: browseAs ? { ...security, auth: browseAs } : security,
    })
    this.services.set(cluster, { service, security, browseAs })
    return service
  }

  /** Closes a service opened with other credentials; its watches tell their windows why they end. */
  private async replace(cluster: string, open: OpenService): Promise<void> {
    // Synchronously first: a call made meanwhile already finds the new service and no old watch.
    this.services.delete(cluster)
    const ended = [...this.watches].filter(([, entry]) => entry.cluster === cluster)
    for (const [id, entry] of ended) {
      this.watches.delete(id)
      entry.listener.error(cluster, id, 'The user the key browser runs as changed; watch again.')
    }
    await Promise.all(ended.map(([, entry]) => entry.watch.close()))
    await open.service.close()
  }
}
