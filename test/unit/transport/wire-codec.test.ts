import { describe, expect, it } from 'vitest'
import { decodeBase64, encodeBase64 } from '../../../src/shared/base64'
import { decodeWire, encodeWire, fromWire, toWire } from '../../../src/shared/wire-codec'

const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i)

describe('base64', () => {
  it('matches Node for every length around the padding cases and all 256 byte values', () => {
    for (let n = 0; n <= 20; n++) {
      const bytes = allBytes.subarray(256 - n)
      expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
      expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes)
    }
    expect(encodeBase64(allBytes)).toBe(Buffer.from(allBytes).toString('base64'))
  })

  it('round-trips a 16 MiB value exactly like Node', () => {
    const big = new Uint8Array(16 * 1024 * 1024).map((_, i) => (i * 31) % 251)
    const text = encodeBase64(big)
    expect(text).toBe(Buffer.from(big).toString('base64'))
    expect(Buffer.from(decodeBase64(text)).equals(Buffer.from(big))).toBe(true)
  })

  it('rejects malformed text', () => {
    expect(() => decodeBase64('abc')).toThrow(/multiple of 4/)
    expect(() => decodeBase64('ab!=')).toThrow(/invalid base64/)
    expect(() => decodeBase64('a===')).toThrow()
    expect(() => decodeBase64('é===')).toThrow()
  })
})

describe('wire codec', () => {
  it('round-trips binary keys and values, including every byte value and empty arrays', () => {
    const value = {
      key: allBytes,
      value: new Uint8Array(0),
      nested: [{ k: new Uint8Array([0, 255]) }],
    }
    const text = encodeWire(value)
    expect(JSON.parse(text).key).toEqual({ $bytes: Buffer.from(allBytes).toString('base64') })
    const back = decodeWire(text) as typeof value
    expect(back.key).toBeInstanceOf(Uint8Array)
    expect(back).toEqual(value)
  })

  it('round-trips a contract-shaped message with nested results and pushes', () => {
    const page = {
      id: 7,
      result: {
        ok: true,
        value: {
          entries: [
            { key: new Uint8Array([0x2f, 0x61]), value: null, modRevision: '12', valueSize: null },
          ],
          nextKey: new Uint8Array([0xff, 0xfe]),
          revision: '12',
          count: 1,
        },
      },
    }
    expect(decodeWire(encodeWire(page))).toEqual(page)
    const push = {
      push: 'keys:events',
      payload: { events: [{ type: 'put', key: allBytes, value: allBytes }] },
    }
    expect(decodeWire(encodeWire(push))).toEqual(push)
  })

  it('keeps ordinary objects that happen to use $-keys (log fields are arbitrary JSON)', () => {
    const fields = { $bytes: 'not base64!', $$x: 1, plain: { $bytes: 'AA==' } }
    expect(decodeWire(encodeWire(fields))).toEqual(fields)
  })

  it('drops undefined object fields like JSON and rejects what JSON cannot carry', () => {
    expect(toWire({ a: 1, b: undefined })).toEqual({ a: 1 })
    expect(() => toWire({ n: NaN })).toThrow(/number/)
    expect(() => toWire({ n: 1n })).toThrow(/bigint/)
    expect(() => toWire(new Date())).toThrow(/plain objects/)
    expect(() => toWire(new Uint16Array(2))).toThrow(/plain objects/)
  })

  it('never lets a "__proto__" key replace the prototype of a decoded object', () => {
    const decoded = decodeWire('{"__proto__": {"polluted": true}, "a": 1}') as Record<
      string,
      unknown
    >
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype)
    expect((decoded as { polluted?: boolean }).polluted).toBeUndefined()
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined()
    expect(Object.keys(decoded)).toContain('__proto__')
  })

  it('rejects a $bytes tag that is not a base64 string', () => {
    expect(() => fromWire({ $bytes: 12 })).toThrow(/base64/)
    expect(() => fromWire({ $bytes: '***' })).toThrow()
  })
})
