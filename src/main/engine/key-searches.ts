import { randomUUID } from 'node:crypto'
import {
  compileSearchPattern,
  DEFAULT_SEARCH_MAX_RESULTS,
  isPatternProblem,
  type KeySearchUpdate,
  type SearchPattern,
} from '../../shared/key-search'
import { EngineError } from '../errors/engine-error'
import { english } from '../words/english'
import type { EngineLog } from '../log/engine-log'
import { prefixRange } from '../keys/key-bytes'
import { runKeySearch, type KeySearchProgress } from '../keys/key-search'
import { SearchMatcher } from '../keys/search-matcher'
import type { ClusterKeys } from './cluster-keys'

/** Where one search reports: only the window that started it (its client session). */
export interface KeySearchListener {
  update(update: KeySearchUpdate): void
}

/** A search to start: what to look for, where, and how many results to keep. */
export interface KeySearchRequest extends SearchPattern {
  /** Every key starting with these bytes; empty = the whole key space. */
  prefix: Uint8Array
  /** Look in values too (the scan then reads them). */
  inValues?: boolean
  /** Stop after this many matches; default: the "search results" setting. */
  maxResults?: number
}

/** A running search and how to stop it. */
interface RunningSearch {
  cluster: string
  controller: AbortController
  /** Settles when the scan sent its last Range. */
  finished: Promise<void>
}

/**
 * "Search everything" (README "Searching keys"): each search reads the revision first, then
 * scans the prefix at that revision in bounded windows, streaming matches and progress to its
 * window through `listener`; cancel stops it between two Ranges and nothing is pushed after.
 */
export class KeySearches {
  private readonly running = new Map<string, RunningSearch>()

  constructor(
    private readonly keys: ClusterKeys,
    private readonly log: EngineLog,
    /** The "at most N results" setting (unset: DEFAULT_SEARCH_MAX_RESULTS). */
    private readonly defaultMaxResults: () => number | undefined,
  ) {}

  /**
   * Starts a search; resolves with its id and pinned revision once the revision is read (a bad
   * pattern or a stopped cluster fail here). Results arrive through `listener`.
   */
  async start(
    cluster: string,
    request: KeySearchRequest,
    listener: KeySearchListener,
  ): Promise<{ searchId: string; revision: string }> {
    const compiled = compileSearchPattern(request)
    if (isPatternProblem(compiled)) {
      throw new EngineError('INVALID_REQUEST', english(compiled.reason), {
        field: 'pattern',
        value: request.pattern,
      })
    }
    const { prefix } = request
    // The revision first: a single-key read, O(log n), whatever the keyspace holds.
    const revision = await this.keys.use(cluster, 'read', prefix, async (service) => {
      const read = await service.ranges.range({ range: { key: prefixRange(prefix).key }, limit: 1 })
      return read.header.revision
    })
    const searchId = randomUUID()
    const controller = new AbortController()
    const plan = {
      prefix,
      revision,
      matcher: new SearchMatcher(compiled, request.inValues === true),
      withValues: request.inValues === true,
      maxResults: request.maxResults ?? this.defaultMaxResults() ?? DEFAULT_SEARCH_MAX_RESULTS,
      log: this.log.child({ cluster }),
    }
    const progress: KeySearchProgress = { scanned: 0, total: null, found: 0 }
    const send = (update: Omit<KeySearchUpdate, 'cluster' | 'searchId'>): void => {
      if (!controller.signal.aborted) listener.update({ cluster, searchId, ...update })
    }
    const scan = this.keys.use(cluster, 'read', prefix, (service) =>
      runKeySearch(
        service.ranges,
        // The key browser listed this prefix (the Search view sits in the Keys tab): its first
        // page's end bounds the first Range, so the first matches do not wait for a whole walk.
        { ...plan, firstBound: service.firstPageBound(prefix) },
        (r) => send({ ...r, error: null }),
        controller.signal,
        progress,
      ),
    )
    const finished = scan.then(
      () => undefined,
      (error: unknown) => {
        if (controller.signal.aborted) return
        this.log.warn({ cluster, searchId, err: error }, 'key search failed')
        const failure = error instanceof EngineError ? error : toInternal(error)
        send({
          matches: [],
          scanned: progress.scanned,
          total: progress.total,
          state: 'failed',
          error: failure.toData(),
        })
      },
    )
    this.running.set(searchId, { cluster, controller, finished })
    void finished.finally(() => this.running.delete(searchId))
    return { searchId, revision }
  }

  /** True while the search `id` runs. */
  has(id: string): boolean {
    return this.running.has(id)
  }

  /** Stops a search; resolves once it sends no more Ranges. Unknown ids are already stopped. */
  async cancel(id: string): Promise<void> {
    const search = this.running.get(id)
    if (!search) return
    search.controller.abort()
    await search.finished
  }

  /** Stops the searches of a cluster (before it is deleted). */
  async forget(cluster: string): Promise<void> {
    const ids = [...this.running].filter(([, s]) => s.cluster === cluster).map(([id]) => id)
    await Promise.all(ids.map((id) => this.cancel(id)))
  }

  /** Stops every search (the engine is closing). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.running.keys()].map((id) => this.cancel(id)))
  }
}

function toInternal(error: unknown): EngineError {
  return new EngineError('INTERNAL', error instanceof Error ? error.message : String(error))
}
