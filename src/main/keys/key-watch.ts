import type { Etcd3, IWatchResponse, Watcher } from 'etcd3'
import type { KeyEvent } from '../../shared/keys'
import { EngineError } from '../errors/engine-error'
import type { EngineLog } from '../log/engine-log'
import { probeCompactRevision } from './compact-probe'
import { EtcdTimeoutError, toEngineError } from './etcd-error-mapping'
import { copyBytes, toBuffer, type ByteRange } from './key-bytes'
import { WATCH_CLOSE_TIMEOUT_MS, WATCH_CREATE_TIMEOUT_MS } from './key-limits'

/** What a prefix watch reports to its owner. */
export interface WatchHandlers {
  /** First revision to deliver (inclusive); after a listing at revision R pass R + 1. */
  fromRevision?: string
  /** Changes in the order etcd applied them; one call per etcd watch response. */
  onEvents(events: KeyEvent[]): void
  /**
   * History up to `revision` was compacted before it could be delivered: re-list, then expect
   * events again from `revision` on (some may already be in the new listing; apply them in order).
   */
  onResync?(revision: string): void
  /** The watch failed for good (it is closed) or a handler threw. */
  onError?(error: EngineError): void
}

/** A running prefix watch. */
export interface KeyWatch {
  /** Stops the watch; waits at most WATCH_CLOSE_TIMEOUT_MS for etcd to confirm. */
  close(): Promise<void>
}

/** Watches every key in `range` with etcd3's Watcher (prev_kv off), re-syncing after compaction. */
export class PrefixWatch implements KeyWatch {
  private watcher: Watcher | null = null
  private isClosed = false

  constructor(
    private readonly client: Etcd3,
    private readonly endpoints: readonly string[],
    private readonly range: ByteRange,
    private readonly handlers: WatchHandlers,
    private readonly log: EngineLog,
  ) {}

  /** Creates the etcd watch; rejects with ETCD_UNREACHABLE when etcd does not confirm it in time. */
  async open(fromRevision = this.handlers.fromRevision): Promise<void> {
    const builder = this.client
      .watch()
      .inRange({ start: toBuffer(this.range.key), end: toBuffer(this.range.rangeEnd) })
    if (fromRevision !== undefined) builder.startRevision(fromRevision)
    const watcher = builder.watcher()
    try {
      await waitForConnected(watcher)
    } catch (error) {
      await this.cancel(watcher)
      throw toEngineError(error, { endpoints: this.endpoints, operation: 'watch' })
    }
    if (this.isClosed) {
      await this.cancel(watcher)
      return
    }
    this.watcher = watcher
    watcher.on('data', (response: IWatchResponse) => this.deliver(response))
    watcher.on('error', (error: Error) => void this.recover(watcher, error))
  }

  async close(): Promise<void> {
    this.isClosed = true
    const watcher = this.watcher
    this.watcher = null
    if (!watcher) return
    await this.cancel(watcher)
  }

  /**
   * Cancels an etcd watch. Why bounded: cancelling waits for etcd's confirmation, and a vanished
   * member must not block closing; a cancel that fails or times out is logged, the watch is gone
   * on our side either way.
   */
  private async cancel(watcher: Watcher): Promise<void> {
    try {
      await withTimeout(watcher.cancel(), WATCH_CLOSE_TIMEOUT_MS)
    } catch (error) {
      this.log.debug({ err: error, endpoints: this.endpoints }, 'watch cancel not confirmed')
    }
  }

  private deliver(response: IWatchResponse): void {
    if (this.isClosed || response.events.length === 0) return
    const events: KeyEvent[] = response.events.map((event) => ({
      type: event.type === 'Put' ? 'put' : 'delete',
      key: copyBytes(event.kv.key),
      valueSize: event.type === 'Put' ? event.kv.value.length : null,
      modRevision: event.kv.mod_revision,
    }))
    this.callHandler(() => this.handlers.onEvents(events))
  }

  /** etcd cancelled the watch: after compaction re-sync and re-watch, otherwise report it. */
  private async recover(watcher: Watcher, cause: Error): Promise<void> {
    if (this.isClosed || this.watcher !== watcher) return
    this.watcher = null
    try {
      const compacted = await probeCompactRevision(
        this.client.watchClient,
        toBuffer(this.range.key),
      )
      if (compacted === null) throw cause
      if (this.isClosed) return
      this.callHandler(() => this.handlers.onResync?.(compacted))
      await this.open(compacted)
    } catch (error) {
      this.isClosed = true
      const failure = toEngineError(error, { endpoints: this.endpoints, operation: 'watch' })
      this.callHandler(() => this.handlers.onError?.(failure))
    }
  }

  /** Runs an owner's handler; a throw must not become an uncaught exception inside etcd3. */
  private callHandler(run: () => void): void {
    try {
      run()
    } catch (error) {
      if (!this.handlers.onError) return
      const message = error instanceof Error ? error.message : String(error)
      this.handlers.onError(new EngineError('INTERNAL', `A watch handler threw: ${message}`))
    }
  }
}

/** Resolves when etcd confirms the watch, rejects on a cancel or after WATCH_CREATE_TIMEOUT_MS. */
function waitForConnected(watcher: Watcher): Promise<void> {
  const confirmed = new Promise<void>((resolve, reject) => {
    watcher.once('connected', () => resolve())
    watcher.once('error', reject)
  })
  return withTimeout(confirmed, WATCH_CREATE_TIMEOUT_MS)
}

/** Rejects with an EtcdTimeoutError when `promise` does not settle within `ms`. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EtcdTimeoutError(ms)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
