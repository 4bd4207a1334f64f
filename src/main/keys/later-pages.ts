import type { KeyPage } from '../../shared/keys'
import type { IKeyValue, IRangeResponse } from 'etcd3'
import { keyAfter, prefixRange, type ByteRange } from './key-bytes'
import { toKeyEntry } from './key-entry'
import { KeyScale } from './key-scale'
import { ScanWindows } from './scan-windows'
import type { RangeReader } from './range-reader'

/** Prefixes (and pinned counts) remembered at most: one per prefix browsed. */
const MAX_ENTRIES = 256
/** A bounded page's Range spans this much more than the last page's keys did (numerator / 4). */
const HEADROOM_QUARTERS = 5n

/** The spread of a page: its first and last key and how many keys it held. */
interface PageSpread {
  first: Uint8Array
  last: Uint8Array
  keys: number
}

/**
 * What the last pages of each prefix told: where their keys spread (to bound the next page's
 * Range) and the prefix's count at a pinned revision (so every page reports the total without
 * etcd walking the whole prefix again). Why: etcd walks every key from a Range's start to its
 * end (ETCD-FACTS fact 4), so "load more" at the start of 10^6 keys cost two whole walks a page.
 */
export class PageMemory {
  private readonly spreads = new Map<string, PageSpread>()
  private readonly counts = new Map<string, number>()

  /** The prefix's count at `revision`, if a page learned it. */
  count(prefix: Uint8Array, revision: string): number | undefined {
    return this.counts.get(`${hex(prefix)}@${revision}`)
  }

  /** Records the prefix's count at `revision`. */
  setCount(prefix: Uint8Array, revision: string, count: number): void {
    capped(this.counts).set(`${hex(prefix)}@${revision}`, count)
  }

  /** The spread of the last page of this prefix. */
  spread(prefix: Uint8Array, withValues: boolean): PageSpread | undefined {
    return this.spreads.get(`${withValues ? 'v' : 'k'}${hex(prefix)}`)
  }

  /** Records a page's spread (pages of at least two keys). */
  setSpread(prefix: Uint8Array, withValues: boolean, keys: readonly { key: Uint8Array }[]): void {
    const first = keys[0]?.key
    const last = keys[keys.length - 1]?.key
    if (!first || !last || keys.length < 2) return
    const spread = { first: Uint8Array.from(first), last: Uint8Array.from(last), keys: keys.length }
    capped(this.spreads).set(`${withValues ? 'v' : 'k'}${hex(prefix)}`, spread)
  }
}

/**
 * A page after the first (from `startKey`, at the first page's revision): its keys from a bounded
 * Range (readLaterKeys) and the prefix's count at that revision, walked once and then remembered.
 */
export async function readLaterPage(
  reader: RangeReader,
  request: { prefix: Uint8Array; startKey: Uint8Array; limit: number; revision?: string },
  hasValues: boolean,
  memory: PageMemory,
): Promise<KeyPage> {
  const whole = prefixRange(request.prefix)
  const { kvs, revision, nextKey } = await readLaterKeys(reader, {
    ...request,
    whole,
    keysOnly: !hasValues,
    spread: memory.spread(request.prefix, hasValues),
  })
  memory.setSpread(request.prefix, hasValues, kvs)
  let count = memory.count(request.prefix, revision)
  if (count === undefined) {
    count = Number((await reader.range({ range: whole, revision, countOnly: true })).count)
    memory.setCount(request.prefix, revision, count)
  }
  return { entries: kvs.map((kv) => toKeyEntry(kv, hasValues)), revision, nextKey, count }
}

/** What a later page reads. */
interface LaterPageRead {
  whole: ByteRange
  startKey: Uint8Array
  limit: number
  revision?: string
  keysOnly: boolean
  /** The last page's spread, to bound this page's Range; without it the Range runs to the end. */
  spread: PageSpread | undefined
}

/**
 * The keys of a later page, read in bounded windows (ScanWindows) that go on from the last page's
 * spread, until a page is full or the prefix ends: etcd walks about a page, not the rest of the
 * prefix. Without a spread, one Range to the end (the cost of a plain Range). Returns the keys,
 * the revision read at and the next page's start (null when the prefix ends here).
 */
async function readLaterKeys(
  reader: RangeReader,
  read: LaterPageRead,
): Promise<{ kvs: IKeyValue[]; revision: string; nextKey: Uint8Array | null }> {
  const isOpen = read.whole.rangeEnd.length === 1 && read.whole.rangeEnd[0] === 0
  const end = isOpen ? null : read.whole.rangeEnd
  const windows = read.spread
    ? ScanWindows.resume(read.startKey, end, widthOf(read.spread, read.limit))
    : new ScanWindows(read.startKey, end)
  const kvs: IKeyValue[] = []
  let revision = read.revision
  let isFull = false
  while (!windows.isDone && kvs.length < read.limit) {
    const from = windows.cursor as Uint8Array
    const wanted = read.limit - kvs.length
    const to = windows.nextEnd(wanted)
    const pinned = await reader.pinnedRange({
      range: { key: from, rangeEnd: to ?? read.whole.rangeEnd },
      limit: wanted,
      revision,
      keysOnly: read.keysOnly,
    })
    // After compaction the first window read at the latest revision: the rest reads there too.
    revision = pinned.revision
    const response = pinned.response
    kvs.push(...response.kvs)
    isFull = response.more
    windows.record(from, to, answerOf(response), Math.max(1, read.limit - kvs.length))
  }
  const last = kvs[kvs.length - 1]
  const nextKey = isFull && last ? keyAfter(last.key) : windows.isDone ? null : windows.cursor
  return { kvs, revision: revision ?? '0', nextKey }
}

/** What ScanWindows needs of a Range's answer. */
function answerOf(response: IRangeResponse) {
  const kvs = response.kvs
  return {
    first: kvs[0]?.key,
    last: kvs[kvs.length - 1]?.key,
    returned: kvs.length,
    held: Number(response.count),
    isFull: response.more,
  }
}

/** The width a page of `limit` keys took last time, 5/4 of it, on a scale that tells them apart. */
function widthOf(spread: PageSpread, limit: number): { scale: KeyScale; width: bigint } {
  const scale = KeyScale.between(spread.first, spread.last)
  const span = scale.toNumber(spread.last) - scale.toNumber(spread.first)
  const width = (span * BigInt(limit) * HEADROOM_QUARTERS) / (BigInt(spread.keys - 1) * 4n)
  return { scale, width }
}

function capped<V>(map: Map<string, V>): Map<string, V> {
  // Why a cap: one entry per prefix browsed; a long session must not grow without bound.
  if (map.size >= MAX_ENTRIES) map.clear()
  return map
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex')
}
