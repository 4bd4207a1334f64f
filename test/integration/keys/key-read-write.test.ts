import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeyService } from '../../../src/main/keys/key-service'
import { startPlainEtcd, type PlainEtcd } from '../../helpers/plain-etcd'
import { testEtcdLines } from '../../helpers/etcd-versions'
import { bytes, text } from './key-fixtures'

const allByteValues = Uint8Array.from({ length: 256 }, (_, i) => i)
const nonUtf8Key = new Uint8Array([0x62, 0x69, 0x6e, 0x2f, 0xff, 0xfe, 0x00, 0x80])

// One etcd per line, every case on both.
describe.each(testEtcdLines())('on etcd $version', (line) => {
  let etcd: PlainEtcd
  let keys: KeyService

  beforeAll(async () => {
    etcd = await startPlainEtcd(`keys-rw-${line.line}`, line)
    keys = new KeyService([etcd.endpoint])
  })

  afterAll(async () => {
    await keys?.close()
    await etcd?.stop()
  })

  describe('put / get / delete', () => {
    it('round-trips a binary value holding all 256 byte values', async () => {
      const { revision } = await keys.put(bytes('rw/binary'), allByteValues)
      const entry = await keys.get(bytes('rw/binary'))
      expect(entry.value).toEqual(allByteValues)
      expect(entry.value).toBeInstanceOf(Uint8Array)
      expect(entry.valueSize).toBe(256)
      expect(entry.modRevision).toBe(revision)
      expect(entry.createRevision).toBe(revision)
      expect(entry.version).toBe('1')
      expect(entry.lease).toBe('0')
    })

    it('round-trips a non-UTF-8 key that contains a zero byte', async () => {
      await keys.put(nonUtf8Key, bytes('v1'))
      await keys.put(nonUtf8Key, bytes('v2'))
      const entry = await keys.get(nonUtf8Key)
      expect(entry.key).toEqual(nonUtf8Key)
      expect(text(entry.value as Uint8Array)).toBe('v2')
      expect(entry.version).toBe('2')
      expect(await keys.delete(nonUtf8Key)).toEqual({ deleted: 1 })
      expect(await keys.delete(nonUtf8Key)).toEqual({ deleted: 0 })
    })

    it('reads what etcdctl wrote, and etcdctl reads what the service wrote', async () => {
      await etcd.etcdctl('put', 'rw/from-etcdctl', 'hello')
      expect(text((await keys.get(bytes('rw/from-etcdctl'))).value as Uint8Array)).toBe('hello')
      await keys.put(bytes('rw/from-service'), bytes('world'))
      expect(await etcd.etcdctl('get', '--print-value-only', 'rw/from-service')).toBe('world\n')
    })

    it('reports a missing key as KEY_NOT_FOUND naming it (hex when not UTF-8)', async () => {
      await expect(keys.get(bytes('rw/missing'))).rejects.toMatchObject({
        code: 'KEY_NOT_FOUND',
        message: expect.stringContaining('rw/missing'),
      })
      await expect(keys.get(nonUtf8Key)).rejects.toMatchObject({
        code: 'KEY_NOT_FOUND',
        detail: { key: 'hex:62696e2ffffe0080' },
      })
    })

    it('refuses empty keys and bad revisions with INVALID_REQUEST', async () => {
      await expect(keys.get(new Uint8Array())).rejects.toMatchObject({ code: 'INVALID_REQUEST' })
      await expect(keys.put(new Uint8Array(), bytes('x'))).rejects.toMatchObject({
        code: 'INVALID_REQUEST',
      })
      await expect(
        keys.put(bytes('rw/x'), bytes('x'), { expectModRevision: '-1' }),
      ).rejects.toMatchObject({ code: 'INVALID_REQUEST' })
    })
  })

  describe('compare-and-swap', () => {
    it('writes when the mod revision matches and reports a conflict with the current one', async () => {
      const key = bytes('rw/cas')
      const created = await keys.put(key, bytes('a'), { expectModRevision: '0' })
      const updated = await keys.put(key, bytes('b'), { expectModRevision: created.revision })
      expect(Number(updated.revision)).toBeGreaterThan(Number(created.revision))

      await expect(
        keys.put(key, bytes('c'), { expectModRevision: created.revision }),
      ).rejects.toMatchObject({
        code: 'KEY_CONFLICT',
        detail: { expectedModRevision: created.revision, currentModRevision: updated.revision },
      })
      await expect(keys.put(key, bytes('c'), { expectModRevision: '0' })).rejects.toMatchObject({
        code: 'KEY_CONFLICT',
        detail: { currentModRevision: updated.revision },
      })
      expect(text((await keys.get(key)).value as Uint8Array)).toBe('b')
    })

    it('a conflict on a missing key reports mod revision 0', async () => {
      await expect(
        keys.put(bytes('rw/cas-missing'), bytes('x'), { expectModRevision: '5' }),
      ).rejects.toMatchObject({ code: 'KEY_CONFLICT', detail: { currentModRevision: '0' } })
    })
  })

  describe('value size limits', () => {
    it('refuses a value above max-request-bytes before sending, naming key and sizes', async () => {
      const value = new Uint8Array(1_600_000)
      const error = await keys.put(bytes('rw/huge'), value).catch((e: unknown) => e)
      expect(error).toMatchObject({
        code: 'VALUE_TOO_LARGE',
        detail: { key: 'rw/huge', valueBytes: 1_600_000, maxRequestBytes: 1_572_864 },
      })
      expect((error as Error).message).toContain('rw/huge')
      await expect(keys.get(bytes('rw/huge'))).rejects.toMatchObject({ code: 'KEY_NOT_FOUND' })
    })

    it("maps the server's own refusals to VALUE_TOO_LARGE", async () => {
      const lax = new KeyService([etcd.endpoint], { maxRequestBytes: 64 * 1024 * 1024 })
      try {
        // Above --max-request-bytes but within gRPC's limit: "etcdserver: request is too large".
        await expect(lax.put(bytes('rw/huge'), new Uint8Array(1_800_000))).rejects.toMatchObject({
          code: 'VALUE_TOO_LARGE',
          detail: {
            key: 'rw/huge',
            valueBytes: 1_800_000,
            cause: expect.stringContaining('request is too large'),
          },
        })
        // Above the server's gRPC receive limit (max-request-bytes + 512 KiB): RESOURCE_EXHAUSTED.
        await expect(lax.put(bytes('rw/huge'), new Uint8Array(3_000_000))).rejects.toMatchObject({
          code: 'VALUE_TOO_LARGE',
          detail: { cause: expect.stringMatching(/larger than max/i) },
        })
      } finally {
        await lax.close()
      }
    })

    it('accepts a value just below the limit', async () => {
      await keys.put(bytes('rw/big'), new Uint8Array(1_500_000).fill(7))
      expect((await keys.get(bytes('rw/big'))).valueSize).toBe(1_500_000)
    })
  })

  describe('count and deletePrefix', () => {
    it('counts and deletes exactly the keys under a prefix in one DeleteRange', async () => {
      for (const name of ['a', 'b', 'c/d', 'c/e']) await keys.put(bytes(`del/${name}`), bytes('x'))
      await keys.put(bytes('del0'), bytes('neighbour'))
      await keys.put(bytes('de'), bytes('neighbour'))
      expect(await keys.count(bytes('del/'))).toBe(4)
      expect(await keys.count(bytes('del/c/'))).toBe(2)

      expect(await keys.deletePrefix(bytes('del/'))).toEqual({ deleted: 4 })
      expect(await keys.count(bytes('del/'))).toBe(0)
      expect(await keys.count(bytes('del0'))).toBe(1)
      // "de" itself and "del0" are left; nothing under "del/".
      expect(await keys.count(bytes('de'))).toBe(2)
    })

    it('deletes under a prefix that ends in 0xff bytes', async () => {
      const prefix = new Uint8Array([0x7a, 0xff])
      await keys.put(new Uint8Array([0x7a, 0xff, 0x01]), bytes('x'))
      await keys.put(new Uint8Array([0x7a, 0xff, 0xff]), bytes('x'))
      expect(await keys.count(prefix)).toBe(2)
      expect(await keys.deletePrefix(prefix)).toEqual({ deleted: 2 })
    })

    it('refuses the empty prefix unless all: true is given', async () => {
      await expect(keys.deletePrefix(new Uint8Array())).rejects.toMatchObject({
        code: 'INVALID_REQUEST',
      })
      const total = await keys.count(new Uint8Array())
      expect(total).toBeGreaterThan(0)
      expect(await keys.deletePrefix(new Uint8Array(), { all: true })).toEqual({ deleted: total })
      expect(await keys.count(new Uint8Array())).toBe(0)
    })
  })

  describe('closing', () => {
    it('fails later calls with ENGINE_CLOSED', async () => {
      const short = new KeyService([etcd.endpoint])
      await short.close()
      await expect(short.get(bytes('x'))).rejects.toMatchObject({ code: 'ENGINE_CLOSED' })
    })
  })
})
