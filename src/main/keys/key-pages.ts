import type { KeyPage } from '../../shared/keys'
import { keyAfter, prefixRange } from './key-bytes'
import { toKeyEntry } from './key-entry'
import { checkPageLimit, checkPrefix, checkRevision, checkStartKey } from './key-validation'
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
export async function readKeyPage(reader: RangeReader, request: ListPageRequest): Promise<KeyPage> {
  checkPrefix(request.prefix)
  const limit = checkPageLimit(request.limit)
  checkRevision(request.revision)
  checkStartKey(request.startKey, request.prefix)
  const whole = prefixRange(request.prefix)
  const hasValues = request.withValues === true
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
