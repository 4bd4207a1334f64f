import { Etcd3 } from 'etcd3'
import type { ChildPage, KeyEntry, KeyPage } from '../../shared/keys'
import { DEFAULT_MAX_REQUEST_BYTES } from '../../shared/limits'
import { etcd3Security, PLAIN_SECURITY, type ClientSecurity } from '../etcd/client-security'
import { EngineError } from '../errors/engine-error'
import { silentLog, type EngineLog } from '../log/engine-log'
import { prefixRange, printableKey } from './key-bytes'
import { readChildren, type ListChildrenRequest } from './key-children'
import { toKeyEntry } from './key-entry'
import { CALL_DEADLINE_MS, MAX_RECEIVE_MESSAGE_BYTES } from './key-limits'
import { countKeys, FirstPageHints, readKeyPage, type ListPageRequest } from './key-pages'
import { PageMemory } from './later-pages'
import { checkKey, checkPrefix, checkRevision } from './key-validation'
import { PrefixWatch, type KeyWatch, type WatchHandlers } from './key-watch'
import { KeyWriter, type PutOptions } from './key-writes'
import { RangeReader, type RangeStats } from './range-reader'

/** How to reach a cluster and how big a write it accepts. */
export interface KeyServiceOptions {
  /** The cluster's --max-request-bytes; puts above it fail with VALUE_TOO_LARGE before sending. */
  maxRequestBytes?: number
  /** Where problems nobody awaits (a watch that would not cancel) are reported. */
  log?: EngineLog
  /** TLS material and user of the cluster (default: plain http, no user). */
  security?: ClientSecurity
}

/**
 * Reads, writes and watches the keys of one etcd cluster. Keys and values are bytes; every read
 * is bounded (a limit, or count-only) and every unary call has a deadline (CALL_DEADLINE_MS).
 */
export class KeyService {
  private readonly client: Etcd3
  private readonly reader: RangeReader
  private readonly writer: KeyWriter
  private readonly watches = new Set<KeyWatch>()
  private readonly firstPageHints = new FirstPageHints()
  /** Where earlier pages' keys spread, and pinned counts: "load more" stays O(page). */
  private readonly pages = new PageMemory()
  private isClosed = false
  private readonly log: EngineLog

  /** `endpoints` are client URLs such as 'http://127.0.0.1:2379'. */
  constructor(
    private readonly endpoints: readonly string[],
    options: KeyServiceOptions = {},
  ) {
    if (endpoints.length === 0) throw new EngineError('INVALID_REQUEST', 'No etcd endpoints given')
    this.log = options.log ?? silentLog()
    this.client = new Etcd3({
      hosts: [...endpoints],
      ...etcd3Security(options.security ?? PLAIN_SECURITY),
      grpcOptions: { 'grpc.max_receive_message_length': MAX_RECEIVE_MESSAGE_BYTES },
      // Why: streams (watches) live as long as they are open; unary calls get CALL_DEADLINE_MS.
      defaultCallOptions: (call) =>
        call.isStream ? {} : { deadline: Date.now() + CALL_DEADLINE_MS },
    })
    this.reader = new RangeReader(this.client.kv, endpoints)
    const maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES
    this.writer = new KeyWriter(this.client.kv, endpoints, maxRequestBytes)
  }

  /**
   * The etcd3 client itself, for calls beyond the browser's (history, leases, search): unary calls
   * carry CALL_DEADLINE_MS, reads must stay bounded (a limit or count-only).
   */
  get etcd(): Etcd3 {
    return this.client
  }

  /** The client URLs it talks to (errors of calls made through `etcd` name them). */
  get endpointList(): readonly string[] {
    return this.endpoints
  }

  /** The counted, bounded Range reader (exports page through it; see `stats`). */
  get ranges(): RangeReader {
    return this.reader
  }

  /**
   * Where the last full keys-only first page of `prefix` ended, if one was listed: a key with at
   * least a page of keys up to it (a search bounds its first Range with it).
   */
  firstPageBound(prefix: Uint8Array): Uint8Array | undefined {
    return this.firstPageHints.get(prefix, false)
  }

  /** Counters of the Range RPCs sent so far (a snapshot). */
  get stats(): RangeStats {
    return { ...this.reader.stats }
  }

  /** One page of the keys under a prefix, pinned to a revision; see readKeyPage. */
  listPage(request: ListPageRequest): Promise<KeyPage> {
    return this.run(() => readKeyPage(this.reader, request, this.firstPageHints, this.pages))
  }

  /** One page of a folder's direct children, without reading its sub-folders; see readChildren. */
  listChildren(request: ListChildrenRequest): Promise<ChildPage> {
    return this.run(() => readChildren(this.reader, request))
  }

  /** How many keys start with `prefix` (empty = all keys). */
  count(prefix: Uint8Array): Promise<number> {
    return this.run(() => countKeys(this.reader, prefix))
  }

  /** One key with its value and metadata; KEY_NOT_FOUND when it does not exist. */
  get(key: Uint8Array, options: { revision?: string } = {}): Promise<KeyEntry> {
    return this.run(async () => {
      checkKey(key)
      checkRevision(options.revision)
      const response = await this.reader.range({ range: { key }, limit: 1, ...options })
      const kv = response.kvs[0]
      if (!kv) {
        throw new EngineError('KEY_NOT_FOUND', `Key ${printableKey(key)} does not exist.`, {
          key: printableKey(key),
          revision: response.header.revision,
        })
      }
      return toKeyEntry(kv, true)
    })
  }

  /** Writes a value; with expectModRevision only if the key is unchanged (KEY_CONFLICT if not). */
  put(key: Uint8Array, value: Uint8Array, options?: PutOptions): Promise<{ revision: string }> {
    return this.run(() => this.writer.put(key, value, options))
  }

  /** Deletes one key. */
  delete(key: Uint8Array): Promise<{ deleted: number }> {
    return this.run(() => this.writer.delete(key))
  }

  /** Deletes every key under a prefix in one DeleteRange; the empty prefix needs `all: true`. */
  deletePrefix(prefix: Uint8Array, options?: { all?: boolean }): Promise<{ deleted: number }> {
    return this.run(() => this.writer.deletePrefix(prefix, options))
  }

  /** Watches every key under `prefix`; resolves once etcd confirmed the watch. */
  watch(prefix: Uint8Array, handlers: WatchHandlers): Promise<KeyWatch> {
    return this.run(async () => {
      checkPrefix(prefix)
      checkRevision(handlers.fromRevision, 'fromRevision')
      const watch = new PrefixWatch(
        this.client,
        this.endpoints,
        prefixRange(prefix),
        handlers,
        this.log,
      )
      await watch.open()
      const handle: KeyWatch = {
        close: async () => {
          this.watches.delete(handle)
          await watch.close()
        },
      }
      this.watches.add(handle)
      return handle
    })
  }

  /** Stops every watch and closes the connections; later calls fail with ENGINE_CLOSED. */
  async close(): Promise<void> {
    if (this.isClosed) return
    this.isClosed = true
    // Watches first: etcd3 would otherwise keep reconnecting them on the closed client.
    await Promise.all([...this.watches].map((watch) => watch.close()))
    this.client.close()
  }

  private run<T>(call: () => Promise<T>): Promise<T> {
    if (this.isClosed) {
      return Promise.reject(new EngineError('ENGINE_CLOSED', 'The key service was closed.'))
    }
    return call()
  }
}
