import type { KeyPage } from '../../shared/keys'
import { keyAfter, prefixRange } from './key-bytes'
import { toKeyEntry } from './key-entry'
import { checkPageLimit, checkPrefix, checkRevision, checkStartKey } from './key-validation'
import { readLaterPage, type PageMemory } from './later-pages'
import type { RangeReader } from './range-reader'

/** Which page of a prefix listing to read. */
export interface ListPageRequest {
  /** Every key starting with these bytes; empty = the whole key space. */
  prefix: Uint8Array
  /** Where the page starts: the previous page's nextKey; absent = first page. */
  startKey?: Uint8Array
  /** Keys per page, 1..5000; default 500. */
  limit?: number
  /** The revision of the first page, to read later pages from the same snapshot. */
  revision?: string
  /** Fetch values too; by default the listing is keys-only. */
  withValues?: boolean
}

/**
 * Reads one page of keys in ascending byte order (ETCD-FACTS fact 2: limit, keys_only, sort NONE,
 * next page from lastKey + "\0", same revision).
 *
 * Compaction: when `revision` has been compacted, the page is read at the latest revision instead
 * and `page.revision` is the new revision, so a long walk continues where it was instead of
 * failing; a caller that needs one exact snapshot compares it with the revision it passed and
 * restarts (Kubernetes answers 410 Expired in the same case).
 */
export async function readKeyPage(
  reader: RangeReader,
  request: ListPageRequest,
  hints?: FirstPageHints,
  /** Spreads and pinned counts of earlier pages: later pages read a bounded Range (later-pages). */
  memory?: PageMemory,
): Promise<KeyPage> {
  checkPrefix(request.prefix)
  const limit = checkPageLimit(request.limit)
  checkRevision(request.revision)
  checkStartKey(request.startKey, request.prefix)
  const whole = prefixRange(request.prefix)
  const hasValues = request.withValues === true
  const isFirst = !request.startKey && !request.revision
  const hint = isFirst ? hints?.get(request.prefix, hasValues) : undefined
  if (hint) {
    const bounded = await readBoundedFirstPage(reader, whole.key, hint, limit, hasValues)
    if (bounded) {
      hints?.set(request.prefix, hasValues, bounded.lastKey)
      memory?.setSpread(request.prefix, hasValues, bounded.page.entries)
      return bounded.page
    }
  }
  if (request.startKey && memory) {
    const later = { ...request, startKey: request.startKey, limit }
    return readLaterPage(reader, later, hasValues, memory)
  }
  const { response: page, revision } = await reader.pinnedRange({
    range: { key: request.startKey ?? whole.key, rangeEnd: whole.rangeEnd },
    limit,
    revision: request.revision,
    keysOnly: !hasValues,
  })
  // A later page's own count covers [startKey, end) only; count the whole prefix at the same
  // revision so every page reports the same total.
  const count = request.startKey
    ? (await reader.range({ range: whole, revision, countOnly: true })).count
    : page.count
  const last = page.kvs[page.kvs.length - 1]
  if (isFirst && last && page.kvs.length === limit) hints?.set(request.prefix, hasValues, last.key)
  memory?.setSpread(request.prefix, hasValues, page.kvs)
  memory?.setCount(request.prefix, revision, Number(count))
  return {
    entries: page.kvs.map((kv) => toKeyEntry(kv, hasValues)),
    revision,
    nextKey: page.more && last ? keyAfter(last.key) : null,
    count: Number(count),
  }
}

/** Counts the keys under `prefix` with a count-only Range (served from etcd's in-memory index). */
export async function countKeys(reader: RangeReader, prefix: Uint8Array): Promise<number> {
  checkPrefix(prefix)
  const response = await reader.range({ range: prefixRange(prefix), countOnly: true })
  return Number(response.count)
}

/**
 * Remembers, per prefix, where the last full first page ended. Why: etcd walks its whole index
 * range to count even a limited Range (ETCD-FACTS fact 4), so a first page over 100k keys costs
 * O(100k); bounded by the previous page's last key it costs O(page) (the count then comes later).
 */
export class FirstPageHints {
  private readonly lastKeys = new Map<string, Uint8Array>()

  /** The last key of the previous full first page of this prefix, if any. */
  get(prefix: Uint8Array, withValues: boolean): Uint8Array | undefined {
    return this.lastKeys.get(hintKey(prefix, withValues))
  }

  /** Records the last key of a full first page. */
  set(prefix: Uint8Array, withValues: boolean, lastKey: Uint8Array): void {
    // Why a cap: one entry per prefix browsed; a long session must not grow without bound.
    if (this.lastKeys.size >= MAX_HINTS) this.lastKeys.clear()
    this.lastKeys.set(hintKey(prefix, withValues), Uint8Array.from(lastKey))
  }
}

/** Prefixes remembered at most. */
const MAX_HINTS = 256

function hintKey(prefix: Uint8Array, withValues: boolean): string {
  return `${withValues ? 'v' : 'k'}${Buffer.from(prefix).toString('hex')}`
}

/**
 * The first page from [start, hint]: the first `limit` keys of the prefix whenever that bounded
 * range still holds at least `limit` keys (keys added before the hint only push later ones out).
 * Null when it holds fewer (keys were deleted): the caller reads the whole range instead.
 */
async function readBoundedFirstPage(
  reader: RangeReader,
  start: Uint8Array,
  hint: Uint8Array,
  limit: number,
  hasValues: boolean,
): Promise<{ page: KeyPage; lastKey: Uint8Array } | null> {
  const { response, revision } = await reader.pinnedRange({
    range: { key: start, rangeEnd: keyAfter(hint) },
    limit,
    keysOnly: !hasValues,
  })
  const last = response.kvs[response.kvs.length - 1]
  if (!last || response.kvs.length < limit) return null
  return {
    lastKey: last.key,
    page: {
      entries: response.kvs.map((kv) => toKeyEntry(kv, hasValues)),
      revision,
      // Whether keys follow is unknown without walking the rest; the next page says.
      nextKey: keyAfter(last.key),
      count: null,
    },
  }
}
