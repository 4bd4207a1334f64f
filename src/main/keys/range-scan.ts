import type { IKeyValue, IRangeResponse } from 'etcd3'
import { equalBytes } from '../../shared/bytes'
import { isEngineError } from '../errors/engine-error'
import type { EngineLog } from '../log/engine-log'
import { keyAfter, type ByteRange } from './key-bytes'
import { ScanWindows, type WindowAnswer } from './scan-windows'
import type { RangeReader } from './range-reader'

/** What a scan needs of a RangeReader: one bounded Range at a time. */
export type RangeSource = Pick<RangeReader, 'range'>

/** How a scan reads: which keys, at which revision, how many per Range. */
export interface ScanOptions {
  /** [key, rangeEnd); rangeEnd "\0" means "to the end of the key space". */
  range: ByteRange
  /** The pinned revision every Range reads at. */
  revision: string
  keysOnly: boolean
  /** Stops the scan between Ranges. */
  signal: AbortSignal
  /** Where a failure nobody awaits (the count beside the scan) is reported. */
  log?: EngineLog
  /**
   * A key of the range known to have at least FIRST_LIMIT keys up to it (the key browser's last
   * first page ends there): the first window then ends just after it, and the range is counted
   * by a count-only Range beside the scan instead of by the first window.
   */
  firstBound?: Uint8Array
}

/** What one Range of a scan returned. */
export interface ScanWindow {
  kvs: IKeyValue[]
  /** Keys of the whole range at the revision, once known (else null). */
  total: number | null
}

/** Keys per Range a scan starts with (small: the first results should come fast). */
const FIRST_LIMIT = { keys: 1_000, values: 64 }
/** Most keys per Range: keys-only answers stay far below the client's receive limit. */
const MAX_LIMIT = { keys: 10_000, values: 1_000 }
/** Bytes one Range should return at most; the next limit follows the sizes seen. */
const TARGET_RESPONSE_BYTES = 2 * 1024 * 1024
/**
 * With a bounded first window, the range is counted (a whole walk in etcd) only after this many
 * windows: the first matches should not wait behind it.
 */
const COUNT_AFTER_WINDOWS = 4
/** Fixed cost of one key-value in a response (revisions, version, framing) besides its bytes. */
const KV_OVERHEAD_BYTES = 32

/**
 * Reads every key of a range at one revision, one bounded window at a time. Why windows: etcd
 * walks every key from a Range's start to its end to count them, even with a limit (ETCD-FACTS
 * fact 4), so paging [lastKey, end) costs O(remaining keys) per page, O(n²) for a whole scan.
 * ScanWindows sizes each window from what etcd answered so that it walks about what it returns.
 * Without a `firstBound` the first Range covers the whole range, so its count is the total.
 */
export async function* scanRange(
  reader: RangeSource,
  options: ScanOptions,
): AsyncGenerator<ScanWindow> {
  const end = isOpenEnd(options.range.rangeEnd) ? null : options.range.rangeEnd
  const kind = options.keysOnly ? 'keys' : 'values'
  const firstEnd = options.firstBound ? keyAfter(options.firstBound) : end
  const windows = new ScanWindows(options.range.key, end, firstEnd)
  const progress: { total: number | null; returned: number } = { total: null, returned: 0 }
  let windowsRead = 0
  let limit = FIRST_LIMIT[kind]
  /** The window sent ahead, while the one before it was still being read. */
  let ahead: SentWindow | null = null
  try {
    while (!windows.isDone && !options.signal.aborted) {
      const from = windows.cursor as Uint8Array
      const current: SentWindow =
        ahead && equalBytes(ahead.from, from)
          ? ahead
          : send(reader, options, from, windows.nextEnd(limit, ahead?.from), limit)
      if (current === ahead) ahead = null
      // Why ahead: etcd prepares the next answer while this one is decoded and matched here.
      const isLast = current.to === null || current.to === end
      const aheadEnd = ahead || isLast ? null : windows.aheadEnd(current.to as Uint8Array, limit)
      if (aheadEnd !== null && current.to !== null) {
        ahead = send(reader, options, current.to, aheadEnd, limit)
      }
      const response = await current.answer
      if (options.signal.aborted) return
      const kvs = response.kvs
      if (progress.returned === 0 && current.to === end && progress.total === null) {
        progress.total = Number(response.count)
        windows.setTotal(progress.total, 0)
      }
      progress.returned += kvs.length
      limit = nextLimit(kind, kvs)
      windows.record(current.from, current.to, answerOf(response), limit)
      if (progress.total === null && ++windowsRead === COUNT_AFTER_WINDOWS) {
        countBeside(reader, options, windows, progress)
      }
      yield { kvs, total: progress.total }
    }
    if (options.signal.aborted || progress.total !== null) return
    // Read to the end before the count answered: what was returned is the total.
    yield { kvs: [], total: progress.returned }
  } finally {
    // A window sent ahead and never needed (the scan stopped or ended) is waited for, not left.
    await ahead?.answer.catch(() => null)
  }
}

/** A window's Range, sent: its bounds and its answer to come. */
interface SentWindow {
  from: Uint8Array
  to: Uint8Array | null
  answer: Promise<IRangeResponse>
}

function send(
  reader: RangeSource,
  options: ScanOptions,
  from: Uint8Array,
  to: Uint8Array | null,
  limit: number,
): SentWindow {
  const answer = readWindow(reader, options, from, to, limit)
  // Handled when awaited; this only keeps a window that is never awaited from going unhandled.
  answer.catch(() => null)
  return { from, to, answer }
}

/**
 * Counts the range with one count-only Range beside the scan (a whole walk in etcd, so only after
 * the first windows). Only progress needs it: after a failed count the total is known at the end.
 */
function countBeside(
  reader: RangeSource,
  options: ScanOptions,
  windows: ScanWindows,
  progress: { total: number | null; returned: number },
): void {
  countRange(reader, options).then(
    (total) => {
      progress.total = total
      windows.setTotal(total, progress.returned)
    },
    (error: unknown) => options.log?.warn({ err: error }, 'counting the scanned range failed'),
  )
}

/** What ScanWindows needs to know of a window's answer. */
function answerOf(response: IRangeResponse): WindowAnswer {
  const kvs = response.kvs
  return {
    first: kvs[0]?.key,
    last: kvs[kvs.length - 1]?.key,
    returned: kvs.length,
    held: Number(response.count),
    isFull: response.more,
  }
}

/** The limit of the next Range: what fits TARGET_RESPONSE_BYTES at the sizes just seen. */
function nextLimit(kind: 'keys' | 'values', kvs: readonly IKeyValue[]): number {
  if (kvs.length === 0) return MAX_LIMIT[kind]
  let bytes = 0
  for (const kv of kvs) bytes += kv.key.length + kv.value.length + KV_OVERHEAD_BYTES
  const fits = Math.floor(TARGET_RESPONSE_BYTES / Math.max(1, bytes / kvs.length))
  return Math.max(1, Math.min(MAX_LIMIT[kind], fits))
}

/** The keys of the whole range at the scan's revision (a count-only Range). */
async function countRange(reader: RangeSource, options: ScanOptions): Promise<number> {
  const response = await reader.range({
    range: options.range,
    revision: options.revision,
    countOnly: true,
  })
  return Number(response.count)
}

/**
 * One Range of the window [from, to). An answer too large for the client (big values) is asked
 * again with half the limit, down to one key.
 */
async function readWindow(
  reader: RangeSource,
  options: ScanOptions,
  from: Uint8Array,
  to: Uint8Array | null,
  limit: number,
): Promise<IRangeResponse> {
  for (let current = limit; ; current = Math.max(1, current >> 1)) {
    try {
      return await reader.range({
        range: { key: from, rangeEnd: to ?? new Uint8Array([0]) },
        limit: current,
        revision: options.revision,
        keysOnly: options.keysOnly,
      })
    } catch (error) {
      if (current === 1 || !isTooLargeAnswer(error)) throw error
    }
  }
}

function isTooLargeAnswer(error: unknown): boolean {
  return (
    isEngineError(error) &&
    error.is('ETCD_REQUEST_FAILED') &&
    /RESOURCE_EXHAUSTED|larger than max/i.test(error.detail?.cause ?? '')
  )
}

function isOpenEnd(rangeEnd: Uint8Array): boolean {
  return rangeEnd.length === 1 && rangeEnd[0] === 0
}
