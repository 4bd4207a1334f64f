import type { IKeyValue, IRangeResponse } from 'etcd3'
import { describe, expect, it } from 'vitest'
import { prefixRange } from '../../../src/main/keys/key-bytes'
import type { RangeQuery } from '../../../src/main/keys/range-reader'
import { scanRange, type RangeSource } from '../../../src/main/keys/range-scan'
import { compareBytes } from '../../../src/shared/bytes'

/**
 * An in-memory etcd Range over sorted keys, with etcd's cost model: every Range walks every key
 * from its start to its end to count them (ETCD-FACTS fact 4), whatever its limit.
 */
class FakeEtcd implements RangeSource {
  walked = 0
  ranges = 0
  /** What each Range walked, and whether it was count-only, in order. */
  readonly log: { walked: number; countOnly: boolean }[] = []
  private readonly keys: Buffer[]

  constructor(keys: Iterable<string | Buffer>) {
    this.keys = [...keys].map((k) => Buffer.from(k)).sort(compareBytes)
  }

  range(query: RangeQuery): Promise<IRangeResponse> {
    this.ranges++
    const { key, rangeEnd } = query.range as { key: Uint8Array; rangeEnd: Uint8Array }
    const isOpen = rangeEnd.length === 1 && rangeEnd[0] === 0
    const inside = this.keys.filter(
      (k) => compareBytes(k, key) >= 0 && (isOpen || compareBytes(k, rangeEnd) < 0),
    )
    this.walked += inside.length
    this.log.push({ walked: inside.length, countOnly: query.countOnly === true })
    const kvs = (query.countOnly ? [] : inside.slice(0, query.limit)).map((k) => ({
      key: k,
      value: Buffer.alloc(0),
    }))
    return Promise.resolve({
      kvs: kvs as unknown as IKeyValue[],
      more: inside.length > kvs.length,
      count: String(inside.length),
      header: { revision: '7' },
    } as unknown as IRangeResponse)
  }
}

async function scanAll(etcd: FakeEtcd, prefix = '', firstBound?: string) {
  const seen: string[] = []
  let total: number | null = null
  const range = prefixRange(Buffer.from(prefix))
  const windows = scanRange(etcd, {
    range,
    revision: '7',
    keysOnly: true,
    signal: new AbortController().signal,
    firstBound: firstBound === undefined ? undefined : Buffer.from(firstBound),
  })
  for await (const window of windows) {
    total = window.total ?? total
    seen.push(...window.kvs.map((kv) => kv.key.toString('latin1')))
  }
  return { seen, total }
}

const padded = (i: number, width = 7) => String(i).padStart(width, '0')

describe('scanRange', () => {
  it('reads every key once, in order, walking a few times the keyspace (not n²)', async () => {
    const keys = Array.from({ length: 200_000 }, (_, i) => `/bench/key-${padded(i)}`)
    const etcd = new FakeEtcd(keys)
    const { seen, total } = await scanAll(etcd)
    expect(seen).toEqual(keys)
    expect(total).toBe(keys.length)
    // The first Range counts the whole range; later windows walk about what they return, more
    // where a decimal carry leaves a gap (paging [lastKey, end) would walk n²/2/limit: 2M here).
    expect(etcd.walked).toBeLessThan(keys.length * 4)
    expect(etcd.ranges).toBeLessThan(100)
  })

  it('stays exact and bounded on clustered, binary and long-prefixed keys', async () => {
    const keys = [
      ...Array.from({ length: 30_000 }, (_, i) => `a/${padded(i, 5)}`),
      ...Array.from({ length: 3_000 }, (_, i) =>
        Buffer.concat([Buffer.from('b/'), Buffer.from([i >> 8, i & 0xff, 0xff, 0])]),
      ),
      ...Array.from({ length: 20_000 }, (_, i) => `c/${'x'.repeat(300)}/${padded(i * 7919, 9)}`),
      'z',
      '\xff\xff',
    ]
    const etcd = new FakeEtcd(
      keys.map((k) => (typeof k === 'string' ? Buffer.from(k, 'latin1') : k)),
    )
    const { seen } = await scanAll(etcd)
    const expected = [
      ...new Set(keys.map((k) => (typeof k === 'string' ? Buffer.from(k, 'latin1') : k))),
    ]
      .sort(compareBytes)
      .map((k) => k.toString('latin1'))
    expect(seen).toEqual(expected)
    expect(etcd.walked).toBeLessThan(expected.length * 3)
  })

  it('bounds its first Range by a known key and counts the range beside the scan', async () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `k/${padded(i)}`)
    const etcd = new FakeEtcd(keys)
    const { seen, total } = await scanAll(etcd, 'k/', keys[199])
    expect(seen).toEqual(keys)
    expect(total).toBe(keys.length)
    expect(etcd.log[0]).toEqual({ walked: 200, countOnly: false })
    // The count (a whole walk) waits for the first windows: the first matches come first.
    const counted = etcd.log.findIndex((r) => r.countOnly)
    expect(counted).toBeGreaterThan(3)
    expect(etcd.log.slice(0, counted).every((r) => r.walked <= 20_000)).toBe(true)
  })

  it('scans only the prefix, and an empty one in one Range', async () => {
    const etcd = new FakeEtcd(['a', 'p/1', 'p/2', 'p0', 'q'])
    expect((await scanAll(etcd, 'p/')).seen).toEqual(['p/1', 'p/2'])
    const empty = new FakeEtcd(['a'])
    expect(await scanAll(empty, 'p/')).toEqual({ seen: [], total: 0 })
    expect(empty.ranges).toBe(1)
  })

  it('sends no Range once aborted', async () => {
    const etcd = new FakeEtcd(Array.from({ length: 50_000 }, (_, i) => `k${padded(i)}`))
    const controller = new AbortController()
    const windows = scanRange(etcd, {
      range: prefixRange(Buffer.from('k')),
      revision: '7',
      keysOnly: true,
      signal: controller.signal,
    })
    let seen = 0
    for await (const window of windows) {
      seen += window.kvs.length
      controller.abort()
    }
    expect(etcd.ranges).toBe(1)
    expect(seen).toBeLessThan(50_000)
  })
})
