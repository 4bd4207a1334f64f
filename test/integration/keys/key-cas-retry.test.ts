/**
 * A compare-and-swap whose answer is lost: etcd applies the Txn, the connection breaks before the
 * answer arrives, etcd3 sends the Txn again, and that second compare fails. The write landed, so
 * the engine must report success, not KEY_CONFLICT. A TCP proxy between the client and a real
 * etcd swallows the answer and cuts the connection.
 */
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeyService } from '../../../src/main/keys/key-service'
import { startPlainEtcd, type PlainEtcd } from '../../helpers/plain-etcd'
import { bytes, etcdctl, text } from './key-fixtures'

/**
 * Why 500 ms: a local etcd applies a one-key Txn in a few ms; waiting this long before cutting
 * makes sure the first attempt landed, which is the case under test.
 */
const CUT_AFTER_MS = 500

/** A proxy that, when armed, lets the next request through but drops its answer and the connection. */
interface CuttingProxy {
  endpoint: string
  arm: () => void
  cuts: number
  close: () => Promise<void>
}

async function startCuttingProxy(target: URL): Promise<CuttingProxy> {
  const sockets = new Set<Socket>()
  const state = { armed: false, cuts: 0 }
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname)
    sockets.add(client).add(upstream)
    let isCutting = false
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk)
      if (!state.armed || isCutting) return
      isCutting = true
      state.armed = false
      setTimeout(() => {
        state.cuts++
        client.destroy()
        upstream.destroy()
      }, CUT_AFTER_MS)
    })
    upstream.on('data', (chunk: Buffer) => {
      if (!isCutting) client.write(chunk)
    })
    for (const socket of [client, upstream]) {
      socket.on('error', () => undefined)
      socket.on('close', () => {
        sockets.delete(socket)
        client.destroy()
        upstream.destroy()
      })
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    arm: () => (state.armed = true),
    get cuts() {
      return state.cuts
    },
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

let etcd: PlainEtcd
let proxy: CuttingProxy
let keys: KeyService

beforeAll(async () => {
  etcd = await startPlainEtcd('keys-cas-retry')
  proxy = await startCuttingProxy(new URL(etcd.endpoint))
  keys = new KeyService([proxy.endpoint])
})

afterAll(async () => {
  await keys?.close()
  await proxy?.close()
  await etcd?.stop()
})

describe('a compare-and-swap whose answer was lost', () => {
  it('reports the write that landed instead of a false KEY_CONFLICT', async () => {
    const key = bytes('cas/lost-answer')
    const created = await keys.put(key, bytes('v1'), { expectModRevision: '0' })
    proxy.arm()
    const updated = await keys.put(key, bytes('v2'), { expectModRevision: created.revision })
    expect(proxy.cuts).toBe(1)
    const entry = await keys.get(key)
    expect(text(entry.value as Uint8Array)).toBe('v2')
    expect(entry.version).toBe('2') // written once: the second attempt only compared
    expect(updated.revision).toBe(entry.modRevision)
    expect(await etcdctl(etcd.endpoint, 'get', 'cas/lost-answer', '--print-value-only')).toBe(
      'v2\n',
    )
  })

  it('still reports a real conflict, naming the key and both revisions', async () => {
    const key = bytes('cas/real-conflict')
    const created = await keys.put(key, bytes('mine'), { expectModRevision: '0' })
    await etcdctl(etcd.endpoint, 'put', 'cas/real-conflict', 'theirs')
    await expect(
      keys.put(key, bytes('mine-2'), { expectModRevision: created.revision }),
    ).rejects.toMatchObject({
      code: 'KEY_CONFLICT',
      message: expect.stringMatching(/cas\/real-conflict changed: expected mod revision \d+/),
    })
    const entry = await keys.get(key)
    expect(text(entry.value as Uint8Array)).toBe('theirs')
  })
})
