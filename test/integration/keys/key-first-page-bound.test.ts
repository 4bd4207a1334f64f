import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeyService } from '../../../src/main/keys/key-service'
import { startPlainEtcd, type PlainEtcd } from '../../helpers/plain-etcd'
import { bytes, seedKeys, text } from './key-fixtures'

const KEY_COUNT = 3_000
const LIMIT = 100
const name = (i: number): string => `big/k${String(i).padStart(5, '0')}`

let etcd: PlainEtcd
let keys: KeyService

beforeAll(async () => {
  etcd = await startPlainEtcd('keys-first-bound')
  keys = new KeyService([etcd.endpoint])
  await seedKeys(
    etcd.endpoint,
    Array.from({ length: KEY_COUNT }, (_, i) => [name(i), 'v'] as [string, string]),
  )
})

afterAll(async () => {
  await keys?.close()
  await etcd?.stop()
})

const firstPage = () => keys.listPage({ prefix: bytes('big/'), limit: LIMIT })
const names = (page: Awaited<ReturnType<typeof firstPage>>) => page.entries.map((e) => text(e.key))

describe('the first page of a prefix seen before', () => {
  it('is read from a range bounded by the last first page, and is the same page', async () => {
    const full = await firstPage()
    expect(full.count).toBe(KEY_COUNT)
    const before = keys.stats
    const bounded = await firstPage()
    const after = keys.stats
    expect(names(bounded)).toEqual(names(full))
    // The count is left for later: etcd would walk all 3,000 keys to compute it.
    expect(bounded.count).toBeNull()
    expect(after.rangeRequests - before.rangeRequests).toBe(1)
    expect(after.keysReturned - before.keysReturned).toBe(LIMIT)
    expect(await keys.count(bytes('big/'))).toBe(KEY_COUNT)
  })

  it('still starts at the first key after keys were added before the bound', async () => {
    await keys.put(bytes('big/a-new-first'), bytes('x'))
    const page = await firstPage()
    expect(names(page)[0]).toBe('big/a-new-first')
    expect(names(page)).toHaveLength(LIMIT)
    expect(names(page).at(-1)).toBe(name(LIMIT - 2))
  })

  it('falls back to the whole range (with its count) when keys inside the bound were deleted', async () => {
    await keys.deletePrefix(bytes('big/k0000'))
    const page = await firstPage()
    expect(page.count).toBe(KEY_COUNT + 1 - 10)
    expect(names(page)).toHaveLength(LIMIT)
    expect(names(page)[1]).toBe(name(10))
  })

  it('pages on from a bounded first page to exactly every key', async () => {
    const first = await firstPage()
    expect(first.count).toBeNull()
    const seen = names(first)
    let page = first
    while (page.nextKey) {
      page = await keys.listPage({
        prefix: bytes('big/'),
        startKey: page.nextKey,
        revision: first.revision,
        limit: 500,
      })
      seen.push(...names(page))
    }
    expect(seen).toHaveLength(KEY_COUNT + 1 - 10)
    expect(new Set(seen).size).toBe(seen.length)
  })
})
