import { randomUUID } from 'node:crypto'
import type { ChildPage, KeyEntry, KeyEvent, KeyPage } from '../../shared/keys'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { clientUrlOf } from '../cluster/etcd-flags'
import { EngineError } from '../errors/engine-error'
import type { EngineLog } from '../log/engine-log'
import type { ListChildrenRequest } from '../keys/key-children'
import type { ListPageRequest } from '../keys/key-pages'
import { KeyService } from '../keys/key-service'
import type { KeyWatch } from '../keys/key-watch'
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

/** The key browser side of the engine: one KeyService per running cluster, created on first use. */
export class ClusterKeys {
  private readonly services = new Map<string, KeyService>()
  private readonly watches = new Map<string, { cluster: string; watch: KeyWatch }>()

  constructor(
    private readonly runtimeOf: (cluster: string) => ClusterRuntime,
    private readonly log: EngineLog,
  ) {}

  /** One page of keys under a prefix. */
  list(cluster: string, request: ListPageRequest): Promise<KeyPage> {
    return this.service(cluster).listPage(request)
  }

  /** One page of a folder's direct children. */
  children(cluster: string, request: ListChildrenRequest): Promise<ChildPage> {
    return this.service(cluster).listChildren(request)
  }

  /** How many keys start with a prefix. */
  count(cluster: string, prefix: Uint8Array): Promise<number> {
    return this.service(cluster).count(prefix)
  }

  /** One key with its value and metadata. */
  get(cluster: string, key: Uint8Array): Promise<KeyEntry> {
    return this.service(cluster).get(key)
  }

  /** Writes a key, optionally only if its mod revision is unchanged. */
  put(
    cluster: string,
    key: Uint8Array,
    value: Uint8Array,
    options?: PutOptions,
  ): Promise<{ revision: string }> {
    return this.service(cluster).put(key, value, options)
  }

  /** Deletes one key. */
  delete(cluster: string, key: Uint8Array): Promise<{ deleted: number }> {
    return this.service(cluster).delete(key)
  }

  /** Deletes every key under a prefix. */
  deletePrefix(
    cluster: string,
    prefix: Uint8Array,
    options?: { all?: boolean },
  ): Promise<{ deleted: number }> {
    return this.service(cluster).deletePrefix(prefix, options)
  }

  /** Starts watching a prefix; what it sees goes to `listener` with the returned id. */
  async watch(
    cluster: string,
    prefix: Uint8Array,
    fromRevision: string | undefined,
    listener: KeyWatchListener,
  ): Promise<string> {
    const id = randomUUID()
    const watch = await this.service(cluster).watch(prefix, {
      fromRevision,
      onEvents: (events) => listener.events(cluster, id, events),
      onResync: (revision) => listener.resync(cluster, id, revision),
      onError: (error) => {
        this.log.warn({ cluster, watchId: id, err: error }, 'key watch failed')
        listener.error(cluster, id, error.message)
      },
    })
    this.watches.set(id, { cluster, watch })
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
    await this.services.get(cluster)?.close()
    this.services.delete(cluster)
  }

  /** Closes everything. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.services.keys()].map((c) => this.forget(c)))
  }

  private service(cluster: string): KeyService {
    const runtime = this.runtimeOf(cluster)
    if (!runtime.isActive()) {
      throw new EngineError(
        'CLUSTER_NOT_RUNNING',
        `Cluster ${cluster} is not running; start it to browse its keys.`,
        { cluster },
      )
    }
    let service = this.services.get(cluster)
    if (!service) {
      service = new KeyService(
        runtime.def.members.map((m) => clientUrlOf(runtime.def.host, m)),
        { log: this.log.child({ cluster }) },
      )
      this.services.set(cluster, service)
    }
    return service
  }
}
