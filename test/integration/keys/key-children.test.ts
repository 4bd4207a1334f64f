import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KeyChild } from '../../../src/shared/keys'
import { KeyService } from '../../../src/main/keys/key-service'
import { startPlainEtcd, type PlainEtcd } from '../../helpers/plain-etcd'
import { bytes, seedKeys, text } from './key-fixtures'

const BIG_FOLDER_KEYS = 20_000
const FLAT_FOLDER_KEYS = 2_500
const pad = (i: number): string => String(i).padStart(5, '0')
const hexName = (child: KeyChild): string =>
  `${Buffer.from(child.name).toString('hex')}${child.isFolder ? '/' : ''}`

let etcd: PlainEtcd
let keys: KeyService

beforeAll(async () => {
  etcd = await startPlainEtcd('keys-children')
  keys = new KeyService([etcd.endpoint])
  const entries: [Uint8Array | string, string][] = []
  for (let i = 0; i < BIG_FOLDER_KEYS; i++) entries.push([`tree/big/${pad(i)}`, 'x'])
  for (let i = 0; i < 300; i++) entries.push([`tree/mid/${pad(i)}/leaf`, 'x'])
  for (let i = 0; i < FLAT_FOLDER_KEYS; i++) entries.push([`flat/${pad(i)}`, 'x'])
  for (const name of ['tree/a', 'tree/b', 'tree/big', 'tree/c/x', 'tree/d', 'tree/e/f/g']) {
    entries.push([name, 'x'])
  }
  entries.push([Buffer.concat([Buffer.from('tree/'), Buffer.from([0xff, 0x00])]), 'x'])
  entries.push(['tree0', 'neighbour outside the folder'])
  await seedKeys(etcd.endpoint, entries)
}, 120_000)

afterAll(async () => {
  await keys?.close()
  await etcd?.stop()
})

/** Direct children of tree/ in byte order, as "name" for keys and "name/" for folders. */
const TREE_CHILDREN = ['a', 'b', 'big', 'big/', 'c/', 'd', 'e/', 'mid/', '\uFFFD\u0000']

function names(children: KeyChild[]): string[] {
  return children.map((c) => `${text(c.name)}${c.isFolder ? '/' : ''}`)
}

describe('listChildren', () => {
  it('returns exactly the direct children without reading the 20,000 keys of a sub-folder', async () => {
    expect(await keys.count(bytes('tree/big/'))).toBe(BIG_FOLDER_KEYS)
    const before = keys.stats
    const page = await keys.listChildren({ prefix: bytes('tree/'), limit: 100 })
    const after = keys.stats

    expect(names(page.children)).toEqual(TREE_CHILDREN)
    expect(hexName(page.children[8] as KeyChild)).toBe('ff00')
    expect(page.nextKey).toBeNull()
    const big = page.children.find((c) => c.isFolder && text(c.name) === 'big')
    expect(big && text(big.path)).toBe('tree/big/')
    // The folders hold 20,300 keys; the scan reads a few keys of each and jumps past it
    // (today: 3 Ranges returning 21 keys).
    expect(after.keysReturned - before.keysReturned).toBeLessThan(50)
    expect(after.rangeRequests - before.rangeRequests).toBeLessThanOrEqual(10)
  })

  it('pages children: small pages together give the same list, pinned to one revision', async () => {
    const collected: KeyChild[] = []
    let page = await keys.listChildren({ prefix: bytes('tree/'), limit: 2 })
    const revision = page.revision
    await keys.put(bytes('tree/b2'), bytes('written after the first page'))
    collected.push(...page.children)
    let pages = 1
    while (page.nextKey) {
      expect(page.children).toHaveLength(2)
      page = await keys.listChildren({
        prefix: bytes('tree/'),
        limit: 2,
        startKey: page.nextKey,
        revision,
      })
      expect(page.revision).toBe(revision)
      collected.push(...page.children)
      pages++
    }
    expect(names(collected)).toEqual(TREE_CHILDREN)
    expect(pages).toBe(Math.ceil(TREE_CHILDREN.length / 2))
    await keys.delete(bytes('tree/b2'))
  })

  it('lists a folder of direct keys in growing batches', async () => {
    const before = keys.stats
    const first = await keys.listChildren({ prefix: bytes('flat/'), limit: 1000 })
    const second = await keys.listChildren({
      prefix: bytes('flat/'),
      limit: 1000,
      startKey: first.nextKey as Uint8Array,
      revision: first.revision,
    })
    const third = await keys.listChildren({
      prefix: bytes('flat/'),
      limit: 1000,
      startKey: second.nextKey as Uint8Array,
      revision: first.revision,
    })
    const all = [...first.children, ...second.children, ...third.children]
    expect(all.map((c) => text(c.name))).toEqual(
      Array.from({ length: FLAT_FOLDER_KEYS }, (_, i) => pad(i)),
    )
    expect(all.every((c) => !c.isFolder)).toBe(true)
    expect(third.nextKey).toBeNull()
    const after = keys.stats
    // Batches double from 16 up to the page size: about 7 Ranges per 1,000 keys, not 1,000.
    expect(after.rangeRequests - before.rangeRequests).toBeLessThan(30)
    expect(after.keysReturned - before.keysReturned).toBeLessThan(FLAT_FOLDER_KEYS + 10)
  })

  it('lists the root: every top-level folder and key', async () => {
    const page = await keys.listChildren({ prefix: new Uint8Array(), limit: 10 })
    expect(names(page.children)).toEqual(['flat/', 'tree/', 'tree0'])
  })

  it('lists a sub-folder of many sub-folders and an empty folder', async () => {
    const mid = await keys.listChildren({ prefix: bytes('tree/mid/'), limit: 500 })
    expect(mid.children).toHaveLength(300)
    expect(mid.children.every((c) => c.isFolder)).toBe(true)
    const none = await keys.listChildren({ prefix: bytes('tree/nothing/'), limit: 10 })
    expect(none).toMatchObject({ children: [], nextKey: null })
  })

  it('supports another separator', async () => {
    const page = await keys.listChildren({ prefix: bytes('tree/e'), separator: 'f', limit: 10 })
    // "tree/e/f/g" below "tree/e" split at "f": the folder named "/" with path "tree/e/f".
    expect(names(page.children)).toEqual(['//'])
    expect(text(page.children[0]?.path as Uint8Array)).toBe('tree/e/f')
  })
})
