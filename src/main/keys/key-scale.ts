/**
 * Keys as numbers, to guess where a range of about N keys ends. A key's first `digits` bytes
 * (zero-padded) read as one big-endian integer keep etcd's byte order: a < b as numbers implies
 * a < b as keys. Only used to choose range ends; etcd still decides what is inside a range.
 */
import { compareBytes } from '../../shared/bytes'

/** Precision added at a time when keys are too close to tell apart. */
const DIGITS_STEP = 8
/** Never more precise than this: past it, ranges fall back to the whole remaining range. */
const MAX_DIGITS = 4096

/** A precision (in bytes) at which keys become numbers. */
export class KeyScale {
  private constructor(readonly digits: number) {}

  /** A scale fine enough to tell keys apart a few bytes past what `from` and `to` share. */
  static between(from: Uint8Array, to: Uint8Array | null): KeyScale {
    return new KeyScale(sharedLength(from, to ?? new Uint8Array()) + 2 * DIGITS_STEP)
  }

  /** The same scale with DIGITS_STEP more bytes, or null at MAX_DIGITS. */
  finer(): KeyScale | null {
    return this.digits + DIGITS_STEP > MAX_DIGITS ? null : new KeyScale(this.digits + DIGITS_STEP)
  }

  /** How many times larger a width becomes at the next finer scale. */
  static readonly STEP_FACTOR = 1n << BigInt(8 * DIGITS_STEP)

  /** The key's first `digits` bytes as a number. */
  toNumber(key: Uint8Array): bigint {
    let n = 0n
    for (let i = 0; i < this.digits; i++) n = (n << 8n) | BigInt(key[i] ?? 0)
    return n
  }

  /**
   * The key `n` stands for (`digits` bytes), or null when n is past the largest such key. The
   * result is greater than every key whose number is below n.
   */
  toKey(n: bigint): Uint8Array | null {
    if (n >> BigInt(8 * this.digits) !== 0n) return null
    const out = new Uint8Array(this.digits)
    let rest = n
    for (let i = this.digits - 1; i >= 0; i--) {
      out[i] = Number(rest & 0xffn)
      rest >>= 8n
    }
    return out
  }
}

/** Where a window that starts at `from` and spans `width` ends, clipped to `end` (null: no end). */
export function windowEnd(
  scale: KeyScale,
  from: Uint8Array,
  width: bigint,
  end: Uint8Array | null,
): Uint8Array | null {
  const guess = scale.toKey(scale.toNumber(from) + width)
  if (guess === null) return end
  return end !== null && compareBytes(guess, end) >= 0 ? end : guess
}

function sharedLength(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length)
  let i = 0
  while (i < n && a[i] === b[i]) i++
  return i
}
