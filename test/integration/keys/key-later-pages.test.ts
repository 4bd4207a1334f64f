import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeyService } from '../../../src/main/keys/key-service'
import type { KeyPage } from '../../../src/shared/keys'
import { startPlainEtcd, type PlainEtcd } from '../../helpers/plain-etcd'
import { bytes, seedKeys, text } from './key-fixtures'

const DENSE = 30_000
const LIMIT = 200
const dense = (i: number) => `lp/a/${String(i).padStart(6, '0')}`
/** A few keys far from the dense ones: a page runs from one cluster of keys into the other. */
const FAR = ['lp/z/1', 'lp/z/2', 'lp/z/3']

let etcd: PlainEtcd
let keys: KeyService

beforeAll(async () => {
  etcd = await startPlainEtcd('keys-later-pages')
  keys = new KeyService([etcd.endpoint])
  const entries = Array.from({ length: DENSE }, (_, i) => [dense(i), 'v'] as [string, string])
  await seedKeys(etcd.endpoint, [...entries, ...FAR.map((k) => [k, 'v'] as [string, string])])
})

afterAll(async () => {
  await keys?.close()
  await etcd?.stop()
})

const names = (page: KeyPage) => page.entries.map((e) => text(e.key))

describe('pages after the first ("load more")', () => {
  it('read a Range bounded near one page, not the rest of the prefix, with the same count', async () => {
    const first = await keys.listPage({ prefix: bytes('lp/'), limit: LIMIT })
    expect(first.count).toBe(DENSE + FAR.length)
    let page = first
    const seen = names(first)
    const walked: number[] = []
    const requests: number[] = []
    for (let n = 0; n < 20; n++) {
      const before = keys.stats
      page = await keys.listPage({
        prefix: bytes('lp/'),
        startKey: page.nextKey!,
        revision: first.revision,
        limit: LIMIT,
      })
      const after = keys.stats
      seen.push(...names(page))
      expect(page.count).toBe(DENSE + FAR.length)
      expect(page.revision).toBe(first.revision)
      // Before: [startKey, end) walked the remaining ~30,000 keys, and a count-only the prefix;
      // now a window or two near a page (decimal keys spread unevenly) and no count.
      walked.push(after.keysWalked - before.keysWalked)
      requests.push(after.rangeRequests - before.rangeRequests)
    }
    expect(seen).toEqual(Array.from({ length: 21 * LIMIT }, (_, i) => dense(i)))
    expect(Math.max(...walked)).toBeLessThan(10 * LIMIT)
    // A few windows where a decimal carry leaves a gap, never a count-only of the prefix.
    expect(Math.max(...requests)).toBeLessThanOrEqual(6)
    expect(walked.reduce((a, b) => a + b)).toBeLessThan(20 * 3 * LIMIT)
  })

  it('run from one cluster of keys into the next and end exactly at the last key', async () => {
    const startAt = DENSE - 300
    const first = await keys.listPage({ prefix: bytes('lp/'), limit: LIMIT })
    const pages: KeyPage[] = []
    let nextKey: Uint8Array | null = bytes(dense(startAt))
    while (nextKey) {
      const page: KeyPage = await keys.listPage({
        prefix: bytes('lp/'),
        startKey: nextKey,
        revision: first.revision,
        limit: LIMIT,
      })
      pages.push(page)
      nextKey = page.nextKey
    }
    const listed = pages.flatMap(names)
    expect(listed).toEqual([...Array.from({ length: 300 }, (_, i) => dense(startAt + i)), ...FAR])
    expect(pages.every((p) => p.count === DENSE + FAR.length)).toBe(true)
  })
})
