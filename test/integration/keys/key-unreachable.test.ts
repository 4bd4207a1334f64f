import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeyService } from '../../../src/main/keys/key-service'
import type { KeyWatch } from '../../../src/main/keys/key-watch'
import { freePort } from '../../helpers/free-port'
import { startPlainEtcd, type PlainEtcd } from '../../helpers/plain-etcd'
import { bytes } from './key-fixtures'

/**
 * Upper bound for one failing call. Why: a refused connection fails in milliseconds; the bound
 * only has to prove the call does not hang (CALL_DEADLINE_MS is 5 s, with up to 3 attempts).
 */
const FAIL_FAST_MS = 16_000

let etcd: PlainEtcd
let keys: KeyService
let openWatch: KeyWatch

beforeAll(async () => {
  etcd = await startPlainEtcd('keys-unreachable')
  keys = new KeyService([etcd.endpoint])
  await keys.put(bytes('k'), bytes('v'))
  openWatch = await keys.watch(bytes('k'), { onEvents: () => undefined })
  await etcd.stop()
})

afterAll(async () => {
  await keys?.close()
  await etcd?.stop()
})

async function timed<T>(call: () => Promise<T>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now()
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  )
  return { error, ms: Date.now() - started }
}

describe('an unreachable member', () => {
  it('turns reads and writes into ETCD_UNREACHABLE naming the endpoint, in bounded time', async () => {
    const calls: (() => Promise<unknown>)[] = [
      () => keys.get(bytes('k')),
      () => keys.listPage({ prefix: bytes('') }),
      () => keys.listChildren({ prefix: bytes('') }),
      () => keys.count(bytes('')),
      () => keys.put(bytes('k'), bytes('v2')),
      () => keys.deletePrefix(bytes('k')),
    ]
    for (const call of calls) {
      const { error, ms } = await timed(call)
      expect(error).toMatchObject({
        code: 'ETCD_UNREACHABLE',
        message: expect.stringContaining(etcd.endpoint),
        detail: { endpoints: [etcd.endpoint] },
      })
      expect(ms).toBeLessThan(FAIL_FAST_MS)
    }
  })

  // Takes WATCH_CREATE_TIMEOUT_MS (10 s): etcd3 keeps re-dialling a watch stream, so only the
  // deadline tells "down" from "slow".
  it('fails a watch with ETCD_UNREACHABLE instead of waiting forever', async () => {
    const { error, ms } = await timed(() => keys.watch(bytes('k'), { onEvents: () => undefined }))
    expect(error).toMatchObject({ code: 'ETCD_UNREACHABLE' })
    expect(ms).toBeLessThan(FAIL_FAST_MS)
  })

  it('names every endpoint of a cluster that is all down', async () => {
    const down = `http://127.0.0.1:${etcd.clientPort}`
    const neverStarted = `http://127.0.0.1:${await freePort()}`
    const cluster = new KeyService([down, neverStarted])
    try {
      const { error } = await timed(() => cluster.count(bytes('a')))
      expect(error).toMatchObject({
        code: 'ETCD_UNREACHABLE',
        message: expect.stringContaining(`${down}, ${neverStarted}`),
      })
    } finally {
      await cluster.close()
    }
  })

  it('closes a watch and the service promptly although the member is gone', async () => {
    const { error, ms } = await timed(async () => {
      await openWatch.close()
      await keys.close()
    })
    expect(error).toBeNull()
    expect(ms).toBeLessThan(FAIL_FAST_MS)
    await expect(keys.count(bytes('k'))).rejects.toMatchObject({ code: 'ENGINE_CLOSED' })
  })
})
