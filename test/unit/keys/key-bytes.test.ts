import { describe, expect, it } from 'vitest'
import {
  concatBytes,
  indexOfBytes,
  keyAfter,
  prefixEnd,
  prefixRange,
  prefixSuccessor,
  printableKey,
  toBuffer,
} from '../../../src/main/keys/key-bytes'
import { compareBytes, startsWithBytes } from '../../../src/shared/bytes'

const b = (...values: number[]): Uint8Array => new Uint8Array(values)
const s = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('prefixEnd', () => {
  it('increments the last byte', () => {
    expect(prefixEnd(s('aa'))).toEqual(s('ab'))
    expect(prefixEnd(s('/registry/'))).toEqual(s('/registry0'))
  })

  it('drops trailing 0xff bytes and increments the byte before them', () => {
    expect(prefixEnd(b(0x61, 0xff))).toEqual(s('b'))
    expect(prefixEnd(b(0x01, 0xfe, 0xff, 0xff))).toEqual(b(0x01, 0xff))
  })

  it('is "\\0" (to the end) for an empty prefix or one of only 0xff bytes', () => {
    expect(prefixEnd(b())).toEqual(b(0))
    expect(prefixEnd(b(0xff))).toEqual(b(0))
    expect(prefixEnd(b(0xff, 0xff, 0xff))).toEqual(b(0))
    expect(prefixSuccessor(b(0xff, 0xff))).toBeNull()
    expect(prefixSuccessor(b())).toBeNull()
  })

  it('handles a zero byte and does not change its input', () => {
    const prefix = b(0x00)
    expect(prefixEnd(prefix)).toEqual(b(0x01))
    expect(prefix).toEqual(b(0x00))
  })

  it('bounds exactly the keys with the prefix', () => {
    const prefix = b(0x61, 0xff)
    const end = prefixEnd(prefix)
    for (const key of [b(0x61, 0xff), b(0x61, 0xff, 0x00), b(0x61, 0xff, 0xff, 0xff)]) {
      expect(compareBytes(key, prefix)).toBeGreaterThanOrEqual(0)
      expect(compareBytes(key, end)).toBeLessThan(0)
    }
    expect(compareBytes(b(0x62), end)).toBe(0)
  })
})

describe('prefixRange', () => {
  it('covers the whole key space for an empty prefix', () => {
    expect(prefixRange(b())).toEqual({ key: b(0), rangeEnd: b(0) })
  })

  it('starts at the prefix itself otherwise', () => {
    expect(prefixRange(s('a/'))).toEqual({ key: s('a/'), rangeEnd: s('a0') })
  })
})

describe('byte helpers', () => {
  it('keyAfter appends one zero byte', () => {
    expect(keyAfter(s('k'))).toEqual(b(0x6b, 0))
    expect(compareBytes(keyAfter(s('k')), s('k'))).toBeGreaterThan(0)
    expect(compareBytes(keyAfter(s('k')), s('k\u0001'))).toBeLessThan(0)
  })

  it('compareBytes orders unsigned and shorter-first', () => {
    expect(compareBytes(b(0x7f), b(0x80))).toBeLessThan(0)
    expect(compareBytes(b(0xff), b(0x00, 0x00))).toBeGreaterThan(0)
    expect(compareBytes(s('ab'), s('abc'))).toBeLessThan(0)
    expect(compareBytes(s('abc'), s('abc'))).toBe(0)
  })

  it('startsWithBytes, indexOfBytes and concatBytes work on bytes', () => {
    expect(startsWithBytes(s('a/b'), s('a/'))).toBe(true)
    expect(startsWithBytes(s('a'), s('a/'))).toBe(false)
    expect(startsWithBytes(s('x'), b())).toBe(true)
    expect(indexOfBytes(s('a/b/c'), s('/'), 2)).toBe(3)
    expect(indexOfBytes(s('a::b'), s('::'))).toBe(1)
    expect(indexOfBytes(s('abc'), s('/'))).toBe(-1)
    expect(concatBytes(s('a'), b(0xff), s('b'))).toEqual(b(0x61, 0xff, 0x62))
  })

  it('toBuffer shares memory with a sub-array view', () => {
    const whole = b(1, 2, 3, 4)
    const view = whole.subarray(1, 3)
    const buffer = toBuffer(view)
    expect([...buffer]).toEqual([2, 3])
    whole[1] = 9
    expect(buffer[0]).toBe(9)
  })
})

describe('printableKey', () => {
  it('shows valid UTF-8 as text', () => {
    expect(printableKey(s('/app/ключ'))).toBe('/app/ключ')
  })

  it('shows invalid UTF-8 and control characters as hex', () => {
    expect(printableKey(b(0x61, 0xff, 0xfe))).toBe('hex:61fffe')
    expect(printableKey(b(0x61, 0x00))).toBe('hex:6100')
  })

  it('cuts very long keys', () => {
    expect(printableKey(s('x'.repeat(1000)))).toBe(`${'x'.repeat(200)}…`)
    expect(printableKey(new Uint8Array(1000).fill(0xff))).toBe(`hex:${'ff'.repeat(100)}…`)
  })
})
