/**
 * An export of 20,000 keys stays bounded: every Range asks for at most EXPORT_PAGE_LIMIT keys,
 * each key is read exactly once, all at one revision (writes during the export do not appear).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeyService } from '../../../src/main/keys/key-service'
import { EXPORT_PAGE_LIMIT, exportKeys } from '../../../src/main/transfer/key-exporter'
import { TransferControl } from '../../../src/main/transfer/transfer-control'
import { startPlainEtcd, type PlainEtcd } from '../../helpers/plain-etcd'
import { bytes, seedKeys } from '../keys/key-fixtures'

const KEY_COUNT = 20_000

describe('exporting 20,000 keys', () => {
  let etcd: PlainEtcd
  let keys: KeyService

  beforeAll(async () => {
    etcd = await startPlainEtcd('export-bounded')
    keys = new KeyService([etcd.endpoint])
    await seedKeys(
      etcd.endpoint,
      Array.from(
        { length: KEY_COUNT },
        (_, i) => [`bulk/${String(i).padStart(6, '0')}`, `value-${i}`] as [string, string],
      ),
    )
  }, 120_000)

  afterAll(async () => {
    await keys?.close()
    await etcd?.stop()
  })

  it('reads bounded pages at one pinned revision and writes one line per key', async () => {
    const before = keys.stats
    let lines = 0
    let largestWrite = 0
    let pages = 0
    const control = new TransferControl('t', 'plain', 'export', () => undefined)
    const result = await exportKeys(
      keys,
      { cluster: 'plain', prefix: bytes('bulk/'), withLeases: false, withRevisions: false },
      async (text) => {
        pages++
        lines += text.split('\n').length - 1
        largestWrite = Math.max(largestWrite, text.length)
        // A write after the pinned revision must not appear in the export.
        if (pages === 2) await keys.put(bytes('bulk/zzz-late'), bytes('late'))
      },
      control,
    )
    const after = keys.stats
    expect(result.keys).toBe(KEY_COUNT)
    expect(lines).toBe(KEY_COUNT + 1)
    expect(after.largestLimit).toBeLessThanOrEqual(EXPORT_PAGE_LIMIT)
    expect(after.rangeRequests - before.rangeRequests).toBeGreaterThanOrEqual(
      KEY_COUNT / EXPORT_PAGE_LIMIT,
    )
    // Each key read once (plus nothing for the count-only Range that pinned the revision).
    expect(after.keysReturned - before.keysReturned).toBe(KEY_COUNT)
    // One page of lines at a time: far below the whole export (~1 MB).
    expect(largestWrite).toBeLessThan(100_000)
  })
})
