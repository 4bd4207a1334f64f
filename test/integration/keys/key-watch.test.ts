import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { KeyEvent } from '../../../src/shared/keys'
import type { EngineError } from '../../../src/main/errors/engine-error'
import { KeyService } from '../../../src/main/keys/key-service'
import { startPlainEtcd, type PlainEtcd } from '../../helpers/plain-etcd'
import { bytes, text } from './key-fixtures'

let etcd: PlainEtcd
let keys: KeyService

beforeAll(async () => {
  etcd = await startPlainEtcd('keys-watch')
  keys = new KeyService([etcd.endpoint])
})

afterAll(async () => {
  await keys?.close()
  await etcd?.stop()
})

/** Why 5 s: a local watch delivers in milliseconds; events arrive asynchronously. */
const EVENT_WAIT = { timeout: 5_000, interval: 20 }

const describeEvent = (e: KeyEvent): string =>
  `${e.type} ${text(e.key)}${e.valueSize === null ? '' : ` (${e.valueSize} bytes)`}`

describe('watch', () => {
  it('sees puts and deletes from etcdctl and from the service, only under the prefix', async () => {
    const events: KeyEvent[] = []
    const errors: EngineError[] = []
    const watch = await keys.watch(bytes('w/'), {
      onEvents: (batch) => events.push(...batch),
      onError: (error) => errors.push(error),
    })
    try {
      await etcd.etcdctl('put', 'w/a', 'from-etcdctl')
      await keys.put(bytes('w/b'), bytes('from-service'))
      await keys.put(bytes('outside'), bytes('ignored'))
      await etcd.etcdctl('del', 'w/a')
      const { revision } = await keys.put(bytes('w/c'), new Uint8Array([0xff, 0x00]))
      await keys.deletePrefix(bytes('w/'))

      await vi.waitFor(() => expect(events).toHaveLength(6), EVENT_WAIT)
      expect(events.map(describeEvent)).toEqual([
        'put w/a (12 bytes)',
        'put w/b (12 bytes)',
        'delete w/a',
        'put w/c (2 bytes)',
        'delete w/b',
        'delete w/c',
      ])
      expect(events[3]?.modRevision).toBe(revision)
      expect(events[4]?.modRevision).toBe(events[5]?.modRevision)
      expect(errors).toEqual([])
    } finally {
      await watch.close()
    }
  })

  it('replays from fromRevision and stops delivering after close', async () => {
    const first = await keys.put(bytes('r/1'), bytes('one'))
    await keys.put(bytes('r/2'), bytes('two'))
    const events: KeyEvent[] = []
    const watch = await keys.watch(bytes('r/'), {
      fromRevision: first.revision,
      onEvents: (batch) => events.push(...batch),
    })
    await vi.waitFor(() => expect(events).toHaveLength(2), EVENT_WAIT)
    expect(events.map(describeEvent)).toEqual(['put r/1 (3 bytes)', 'put r/2 (3 bytes)'])
    await watch.close()
    // A watch still open on the same prefix shows when the closed one would have had the event.
    const witnessed: KeyEvent[] = []
    const witness = await keys.watch(bytes('r/'), { onEvents: (b) => witnessed.push(...b) })
    try {
      await keys.put(bytes('r/3'), bytes('three'))
      await vi.waitFor(
        () => expect(witnessed.map(describeEvent)).toEqual(['put r/3 (5 bytes)']),
        EVENT_WAIT,
      )
      expect(events).toHaveLength(2)
    } finally {
      await witness.close()
    }
  })

  it('re-syncs after compaction: onResync with the compact revision, then events from there', async () => {
    const old = await keys.put(bytes('c/old'), bytes('before'))
    await keys.put(bytes('c/mid'), bytes('x'))
    const compactAt = await keys.put(bytes('c/new'), bytes('after'))
    await etcd.etcdctl('compact', compactAt.revision)

    const events: KeyEvent[] = []
    const resyncs: string[] = []
    const errors: EngineError[] = []
    const watch = await keys.watch(bytes('c/'), {
      fromRevision: old.revision,
      onEvents: (batch) => events.push(...batch),
      onResync: (revision) => resyncs.push(revision),
      onError: (error) => errors.push(error),
    })
    try {
      await vi.waitFor(
        () => expect(events.map(describeEvent)).toEqual(['put c/new (5 bytes)']),
        EVENT_WAIT,
      )
      expect(resyncs).toEqual([compactAt.revision])
      await etcd.etcdctl('put', 'c/later', 'live')
      await vi.waitFor(() => expect(events).toHaveLength(2), EVENT_WAIT)
      expect(describeEvent(events[1] as KeyEvent)).toBe('put c/later (4 bytes)')
      expect(errors).toEqual([])
    } finally {
      await watch.close()
    }
  })

  it('refuses a malformed fromRevision', async () => {
    await expect(
      keys.watch(bytes('x/'), { fromRevision: 'abc', onEvents: () => undefined }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' })
  })

  it('reports a throwing handler through onError instead of crashing', async () => {
    const errors: EngineError[] = []
    const watch = await keys.watch(bytes('t/'), {
      onEvents: () => {
        throw new Error('boom')
      },
      onError: (error) => errors.push(error),
    })
    await keys.put(bytes('t/1'), bytes('x'))
    await vi.waitFor(() => expect(errors).toHaveLength(1), EVENT_WAIT)
    expect(errors[0]).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('boom') })
    await watch.close()
  })
})
