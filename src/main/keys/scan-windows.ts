import { compareBytes } from '../../shared/bytes'
import { keyAfter } from './key-bytes'
import { KeyScale, windowEnd } from './key-scale'

/**
 * A window that held few keys grows by at most this factor. Why 4: more crosses the gaps between
 * clusters of keys in fewer (cheap) empty Ranges but walks more of the next cluster (measured on
 * decimal, Kubernetes-like and random keys: ×16 walked 1.5× more keys).
 */
const MAX_GROWTH = 4n
/** Coarser than this many steps per window and a window's end is off by a large part of it. */
const MIN_STEPS = 1n << 16n

/** What the Range of one window answered. */
export interface WindowAnswer {
  /** First and last key returned (none for an empty window). */
  first: Uint8Array | undefined
  last: Uint8Array | undefined
  returned: number
  /** etcd's count: every key of the window, returned or not. */
  held: number
  /** True when the window held more keys than its limit returned. */
  isFull: boolean
}

/**
 * Chooses the windows of a scan: pieces [cursor, end) that should each hold about `limit` keys,
 * so that etcd walks about what it returns (ETCD-FACTS fact 4). Sizes come from what etcd said:
 * the spread of the keys a window returned, and its count. After a full window, the rest of it
 * holds exactly `held - returned` keys, so that rest is read next, split by that count; once the
 * total is known, the tail of the range is read to its end in one Range.
 */
export class ScanWindows {
  /** Where the next window starts; null once the range is read. */
  cursor: Uint8Array | null
  private scale: KeyScale
  private hasStarted = false
  /** Width of the next guessed window on `scale`. */
  private width = 1n

  /**
   * Windows that go on from `start` with a width already known (the spread of keys read before,
   * such as the key list's previous page) instead of a first window.
   */
  static resume(
    start: Uint8Array,
    end: Uint8Array | null,
    known: { scale: KeyScale; width: bigint },
  ): ScanWindows {
    const windows = new ScanWindows(start, end)
    windows.hasStarted = true
    windows.scale = known.scale
    windows.width = known.width > 0n ? known.width : 1n
    return windows
  }
  /** After a full window: the end of its unread rest, and how many keys that rest holds. */
  private rest: { end: Uint8Array | null; keys: number } | null = null
  /** Keys of the whole range not returned yet, once its size is known. */
  private remaining: number | null = null

  constructor(
    start: Uint8Array,
    /** The range's end; null: to the end of the key space. */
    private readonly end: Uint8Array | null,
    /** Where the first window ends (a bound known to hold enough keys); default: the range's end. */
    private readonly firstEnd: Uint8Array | null = end,
  ) {
    this.cursor = start
    this.scale = KeyScale.between(start, end)
  }

  /** The range holds `total` keys, of which `returned` were read so far. */
  setTotal(total: number, returned: number): void {
    this.remaining = total - returned
  }

  /** True when nothing is left to read. */
  get isDone(): boolean {
    return this.cursor === null || this.remaining === 0
  }

  /**
   * Where the next window ends (null: the end of the key space), for a limit of `limit` keys; at
   * most at `bound` (where a window already sent starts).
   */
  nextEnd(limit: number, bound?: Uint8Array): Uint8Array | null {
    const end = this.plannedEnd(limit)
    if (bound === undefined || (end !== null && compareBytes(end, bound) <= 0)) return end
    return bound
  }

  /**
   * Where a window starting at `from` (the end of the window being read) would end, to send it
   * before the current one answers; null when the next window depends on that answer (the rest of
   * a full window comes first, or the tail is read to the end).
   */
  aheadEnd(from: Uint8Array, limit: number): Uint8Array | null {
    if (!this.hasStarted || this.rest) return null
    if (this.remaining !== null && this.remaining <= 2 * limit) return null
    return windowEnd(this.scale, from, this.width, this.end)
  }

  private plannedEnd(limit: number): Uint8Array | null {
    const cursor = this.cursor as Uint8Array
    if (!this.hasStarted) return this.firstEnd
    if (this.remaining !== null && this.remaining <= limit) return this.end
    const rest = this.rest
    if (!rest) return windowEnd(this.scale, cursor, this.width, this.end)
    if (rest.keys <= limit) return rest.end
    // The rest split evenly by its count, unless the keys just read were denser (clustered keys).
    const span = this.numberOf(rest.end) - this.scale.toNumber(cursor)
    const even = (span * BigInt(limit)) / BigInt(rest.keys)
    const width = even < this.width ? even : this.width
    return windowEnd(this.scale, cursor, width > 0n ? width : 1n, rest.end)
  }

  /** Takes in what the window [from, to) answered; `nextLimit` is the next window's limit. */
  record(from: Uint8Array, to: Uint8Array | null, answer: WindowAnswer, nextLimit: number): void {
    const isFirst = !this.hasStarted
    this.hasStarted = true
    if (this.remaining !== null) this.remaining -= answer.returned
    const isBounded = to !== null && to !== this.end
    if (
      isFirst &&
      isBounded &&
      !answer.isFull &&
      answer.first &&
      answer.last &&
      answer.returned > 1
    ) {
      // A bounded first window: the space before its first key says nothing about density.
      this.cursor = to
      this.fitSpan(answer.first, answer.last, answer.returned, nextLimit)
      return
    }
    if (answer.isFull && answer.first && answer.last) {
      this.cursor = keyAfter(answer.last)
      this.rest = { end: to, keys: answer.held - answer.returned }
      this.fitSpan(answer.first, answer.last, answer.returned, nextLimit)
      return
    }
    const width = this.numberOf(to) - this.scale.toNumber(from)
    let next = to
    const rest = this.rest
    if (rest && to !== rest.end) {
      // A piece of a full window's rest: what is left of it holds the keys not seen yet.
      rest.keys -= answer.held
      if (rest.keys <= 0) next = rest.end
    }
    if (!rest || next === rest.end) this.rest = null
    this.cursor =
      next === null || (this.end !== null && compareBytes(next, this.end) >= 0) ? null : next
    this.resize(width > 0n ? width : 1n, nextLimit, Math.max(1, answer.held))
  }

  /** The next width: as wide as `returned` keys spread, for `wanted` keys. */
  private fitSpan(first: Uint8Array, last: Uint8Array, returned: number, wanted: number): void {
    let span = this.scale.toNumber(last) - this.scale.toNumber(first)
    while (span < MIN_STEPS) {
      const finer = this.scale.finer()
      if (!finer) break
      this.scale = finer
      span = this.scale.toNumber(last) - this.scale.toNumber(first)
    }
    // Spread keys say where the next `wanted` end: no growth limit (a window of one key spans
    // nothing: the smallest step).
    this.resize(span > 0n ? span : 1n, wanted, Math.max(1, returned - 1), false)
  }

  /** The next width from a window of `width` that held `held` keys: for `wanted` keys. */
  private resize(width: bigint, wanted: number, held: number, isCapped = true): void {
    let next = (width * BigInt(wanted)) / BigInt(held)
    if (isCapped && next > width * MAX_GROWTH) next = width * MAX_GROWTH
    while (next < MIN_STEPS) {
      const finer = this.scale.finer()
      if (!finer) break
      this.scale = finer
      next *= KeyScale.STEP_FACTOR
    }
    this.width = next > 0n ? next : 1n
  }

  /** A window end as a number on the current scale (the open end: just past every key). */
  private numberOf(key: Uint8Array | null): bigint {
    return key === null ? 1n << BigInt(8 * this.scale.digits) : this.scale.toNumber(key)
  }
}
