import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeyService } from '../../../src/main/keys/key-service'
import type { KeyWatch } from '../../../src/main/keys/key-watch'
import { freePort } from '../../helpers/free-port'
import { startPlainEtcd, type PlainEtcd } from '../../helpers/plain-etcd'
import { bytes } from './key-fixtures'

/**
 * Test timeout per failing call: a call that hangs fails its test. Why 16 s: a refused connection
 * fails in milliseconds, but CALL_DEADLINE_MS is 5 s with up to 3 attempts. Speed is not tested
 * here (that belongs in bench/), only that every call settles.
 */
const SETTLE_MS = 16_000

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

/** The error a call fails with, or null when it succeeds. */
function errorOf(call: () => Promise<unknown>): Promise<unknown> {
  return call().then(
    () => null,
    (e: unknown) => e,
  )
}

describe('an unreachable member', () => {
  const calls: [string, () => Promise<unknown>][] = [
    ['get', () => keys.get(bytes('k'))],
    ['listPage', () => keys.listPage({ prefix: bytes('') })],
    ['listChildren', () => keys.listChildren({ prefix: bytes('') })],
    ['count', () => keys.count(bytes(''))],
    ['put', () => keys.put(bytes('k'), bytes('v2'))],
    ['deletePrefix', () => keys.deletePrefix(bytes('k'))],
  ]

  it.each(calls)(
    'turns %s into ETCD_UNREACHABLE naming the endpoint',
    async (_name, call) => {
      expect(await errorOf(call)).toMatchObject({
        code: 'ETCD_UNREACHABLE',
        message: expect.stringContaining(etcd.endpoint),
        detail: { endpoints: [etcd.endpoint] },
      })
    },
    SETTLE_MS,
  )

  // Takes WATCH_CREATE_TIMEOUT_MS (10 s): etcd3 keeps re-dialling a watch stream, so only the
  // deadline tells "down" from "slow".
  it(
    'fails a watch with ETCD_UNREACHABLE instead of waiting forever',
    async () => {
      const error = await errorOf(() => keys.watch(bytes('k'), { onEvents: () => undefined }))
      expect(error).toMatchObject({ code: 'ETCD_UNREACHABLE' })
    },
    SETTLE_MS,
  )

  it('names every endpoint of a cluster that is all down', async () => {
    const down = `http://127.0.0.1:${etcd.clientPort}`
    const neverStarted = `http://127.0.0.1:${await freePort()}`
    const cluster = new KeyService([down, neverStarted])
    try {
      const error = await errorOf(() => cluster.count(bytes('a')))
      expect(error).toMatchObject({
        code: 'ETCD_UNREACHABLE',
        message: expect.stringContaining(`${down}, ${neverStarted}`),
      })
    } finally {
      await cluster.close()
    }
  })

  it('closes a watch and the service although the member is gone', async () => {
    await openWatch.close()
    await keys.close()
    await expect(keys.count(bytes('k'))).rejects.toMatchObject({ code: 'ENGINE_CLOSED' })
  })
})
