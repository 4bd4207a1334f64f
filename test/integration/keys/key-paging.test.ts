import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KeyPage } from '../../../src/shared/keys'
import { KeyService } from '../../../src/main/keys/key-service'
import { startPlainEtcd, type PlainEtcd } from '../../helpers/plain-etcd'
import { testEtcdLines } from '../../helpers/etcd-versions'
import { bytes, seedKeys, text } from './key-fixtures'

const KEY_COUNT = 1_200
const name = (i: number): string => `page/k${String(i).padStart(5, '0')}`

// One etcd per line, every case on both.
describe.each(testEtcdLines())('on etcd $version', (line) => {
  let etcd: PlainEtcd
  let keys: KeyService

  beforeAll(async () => {
    etcd = await startPlainEtcd(`keys-paging-${line.line}`, line)
    keys = new KeyService([etcd.endpoint])
    await seedKeys(
      etcd.endpoint,
      Array.from({ length: KEY_COUNT }, (_, i) => [name(i), `value-${i}`] as [string, string]),
    )
    await keys.put(bytes('pagf'), bytes('outside, right after the prefix'))
    await keys.put(bytes('pag'), bytes('outside, right before the prefix'))
  })

  afterAll(async () => {
    await keys?.close()
    await etcd?.stop()
  })

  /** Reads every page after `first`, calling `between` after the first page. */
  async function readAll(first: KeyPage, limit: number): Promise<KeyPage[]> {
    const pages = [first]
    let page = first
    while (page.nextKey) {
      page = await keys.listPage({
        prefix: bytes('page/'),
        startKey: page.nextKey,
        revision: first.revision,
        limit,
      })
      pages.push(page)
    }
    return pages
  }

  describe('listPage', () => {
    it('pages a pinned snapshot: later writes do not appear, all pages = the exact set', async () => {
      const limit = 250
      const first = await keys.listPage({ prefix: bytes('page/'), limit })
      expect(first.entries).toHaveLength(limit)
      expect(first.count).toBe(KEY_COUNT)

      // Changes after the first page, before, inside and after the pages still to come.
      await keys.put(bytes('page/k00000-new'), bytes('x'))
      await keys.put(bytes('page/k00700-new'), bytes('x'))
      await keys.put(bytes('page/zzz'), bytes('x'))
      await keys.delete(bytes(name(900)))
      await etcd.etcdctl('put', 'page/k01000-by-etcdctl', 'x')

      const pages = await readAll(first, limit)
      expect(pages).toHaveLength(Math.ceil(KEY_COUNT / limit))
      const listed = pages.flatMap((p) => p.entries.map((e) => text(e.key)))
      expect(listed).toEqual(Array.from({ length: KEY_COUNT }, (_, i) => name(i)))
      for (const page of pages) {
        expect(page.revision).toBe(first.revision)
        expect(page.count).toBe(KEY_COUNT)
      }
      expect(pages[pages.length - 1]?.nextKey).toBeNull()
    })

    it('is keys-only unless withValues is set', async () => {
      const bare = await keys.listPage({ prefix: bytes('page/k0001'), limit: 3 })
      expect(bare.entries[0]).toMatchObject({ value: null, valueSize: null, version: '1' })
      const full = await keys.listPage({ prefix: bytes('page/k0001'), limit: 3, withValues: true })
      expect(full.entries.map((e) => text(e.value as Uint8Array))).toEqual([
        'value-10',
        'value-11',
        'value-12',
      ])
      expect(full.entries[0]?.valueSize).toBe('value-10'.length)
    })

    it('returns nextKey null when the last page is exactly full', async () => {
      const page = await keys.listPage({ prefix: bytes('page/k0001'), limit: 10 })
      expect(page.entries).toHaveLength(10)
      expect(page.nextKey).toBeNull()
    })

    it('lists the whole key space for an empty prefix', async () => {
      const total = await keys.count(new Uint8Array())
      const page = await keys.listPage({ prefix: new Uint8Array(), limit: 5000 })
      expect(page.count).toBe(total)
      expect(page.entries).toHaveLength(total)
      expect(text(page.entries[0]?.key as Uint8Array)).toBe('pag')
    })

    it('refuses limits outside 1..5000 and start keys outside the prefix', async () => {
      for (const limit of [0, 5001, 2.5]) {
        await expect(keys.listPage({ prefix: bytes('page/'), limit })).rejects.toMatchObject({
          code: 'INVALID_REQUEST',
        })
      }
      await expect(
        keys.listPage({ prefix: bytes('page/'), startKey: bytes('other') }),
      ).rejects.toMatchObject({ code: 'INVALID_REQUEST' })
    })

    it('continues at the latest revision when the pinned revision was compacted', async () => {
      const first = await keys.listPage({ prefix: bytes('page/'), limit: 100 })
      await keys.put(bytes('page/k00150-late'), bytes('x'))
      const { revision: latest } = await keys.put(bytes('compact-me'), bytes('x'))
      await etcd.etcdctl('compact', latest)

      const second = await keys.listPage({
        prefix: bytes('page/'),
        startKey: first.nextKey as Uint8Array,
        revision: first.revision,
        limit: 100,
      })
      expect(second.revision).toBe(latest)
      expect(second.entries.map((e) => text(e.key))).toContain('page/k00150-late')
      expect(second.count).toBe(await keys.count(bytes('page/')))
    })
  })
})
