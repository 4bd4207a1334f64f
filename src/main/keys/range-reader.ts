import type { IRangeRequest, IRangeResponse, KVClient } from 'etcd3'
import { isCompactedError, toEngineError } from './etcd-error-mapping'
import { toBuffer, type ByteRange } from './key-bytes'

/** Counters of the Range RPCs a KeyService sent, to check that listings stay bounded. */
export interface RangeStats {
  /** Range RPCs sent (count and single-key reads included). */
  rangeRequests: number
  /** Key-values returned by those RPCs. */
  keysReturned: number
  /** The largest limit any of them asked for (0 while none had one). */
  largestLimit: number
  /**
   * Keys etcd walked to answer them: each Range's count (every key from its start to its end,
   * whatever the limit; ETCD-FACTS fact 4). What a listing costs etcd.
   */
  keysWalked: number
}

/** One bounded Range: a key range (or one key), always with a limit unless count-only. */
export interface RangeQuery {
  range: ByteRange | { key: Uint8Array }
  /** Maximum keys to return; required unless countOnly (no unbounded reads). */
  limit?: number
  /** Revision to read at; undefined or '0' = latest. */
  revision?: string
  keysOnly?: boolean
  countOnly?: boolean
}

/** A Range response with the revision it was read at. */
export interface PinnedRange {
  response: IRangeResponse
  revision: string
}

/** Sends Range RPCs through etcd3's low-level KV client, counting them and mapping errors. */
export class RangeReader {
  /** Live counters; read them through KeyService.stats. */
  readonly stats: RangeStats = {
    rangeRequests: 0,
    keysReturned: 0,
    largestLimit: 0,
    keysWalked: 0,
  }

  constructor(
    private readonly kv: KVClient,
    private readonly endpoints: readonly string[],
  ) {}

  /** Runs one Range; errors become EngineErrors (a compacted revision included). */
  async range(query: RangeQuery): Promise<IRangeResponse> {
    try {
      return await this.send(query)
    } catch (error) {
      throw toEngineError(error, { endpoints: this.endpoints, operation: 'range' })
    }
  }

  /**
   * Runs one Range at a pinned revision and returns the revision it was read at. etcd's
   * header.revision is always the store's latest, so a pinned read reports the pinned one.
   * When compaction has removed that revision, it reads at the latest revision instead, like a
   * fresh listing, and reports that.
   */
  async pinnedRange(query: RangeQuery): Promise<PinnedRange> {
    const isPinned = query.revision !== undefined && query.revision !== '0'
    try {
      const response = await this.send(query)
      return {
        response,
        revision: isPinned ? (query.revision as string) : response.header.revision,
      }
    } catch (error) {
      if (!isPinned || !isCompactedError(error)) {
        throw toEngineError(error, { endpoints: this.endpoints, operation: 'range' })
      }
    }
    const response = await this.range({ ...query, revision: undefined })
    return { response, revision: response.header.revision }
  }

  private async send(query: RangeQuery): Promise<IRangeResponse> {
    if (!query.countOnly && !(query.limit !== undefined && query.limit > 0)) {
      throw new Error('RangeReader: a Range must be count-only or have a positive limit')
    }
    const request: IRangeRequest = {
      key: toBuffer(query.range.key),
      limit: query.countOnly ? 0 : query.limit,
      revision: query.revision ?? 0,
      keys_only: query.keysOnly === true,
      count_only: query.countOnly === true,
      // Sort NONE keeps the limit server-side; any other sort reads the whole range first
      // (ETCD-FACTS fact 3). NONE still returns keys in ascending byte order (index order).
      sort_order: 'None',
    }
    if ('rangeEnd' in query.range) request.range_end = toBuffer(query.range.rangeEnd)
    this.stats.rangeRequests++
    if (!query.countOnly) {
      this.stats.largestLimit = Math.max(this.stats.largestLimit, query.limit ?? 0)
    }
    const response = await this.kv.range(request)
    this.stats.keysReturned += response.kvs.length
    this.stats.keysWalked += Number(response.count)
    return response
  }
}
