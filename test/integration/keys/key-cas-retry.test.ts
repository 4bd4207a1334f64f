/**
 * A compare-and-swap whose answer is lost: etcd applies the Txn, the connection breaks before the
 * answer arrives, etcd3 sends the Txn again, and that second compare fails. The write landed, so
 * the engine must report success, not KEY_CONFLICT. A TCP proxy between the client and a real
 * etcd swallows the answer and cuts the connection.
 */
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { KeyService } from '../../../src/main/keys/key-service'
import { startPlainEtcd, type PlainEtcd } from '../../helpers/plain-etcd'
import { bytes, text } from './key-fixtures'

/** A proxy that, once armed, swallows every answer from etcd until cut() drops all connections. */
interface CuttingProxy {
  endpoint: string
  arm: () => void
  cut: () => void
  /** Client connections accepted so far. */
  connections: number
  close: () => Promise<void>
}

async function startCuttingProxy(target: URL): Promise<CuttingProxy> {
  const sockets = new Set<Socket>()
  const state = { isArmed: false, connections: 0 }
  const server: Server = createServer((client) => {
    state.connections++
    const upstream = connect(Number(target.port), target.hostname)
    sockets.add(client).add(upstream)
    client.on('data', (chunk: Buffer) => upstream.write(chunk))
    upstream.on('data', (chunk: Buffer) => {
      if (!state.isArmed) client.write(chunk)
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
    arm: () => (state.isArmed = true),
    cut: () => {
      state.isArmed = false
      for (const socket of sockets) socket.destroy()
    },
    get connections() {
      return state.connections
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
    const connections = proxy.connections
    proxy.arm()
    const put = keys.put(key, bytes('v2'), { expectModRevision: created.revision })
    // Cut only once etcd itself shows the write: the answer, not the request, is what got lost.
    await vi.waitFor(
      async () => expect(await etcd.etcdctl('get', 'cas/lost-answer')).toContain('v2'),
      { timeout: 10_000, interval: 50 },
    )
    proxy.cut()
    const updated = await put
    expect(proxy.connections).toBeGreaterThan(connections) // the retry came on a new connection
    const entry = await keys.get(key)
    expect(text(entry.value as Uint8Array)).toBe('v2')
    expect(entry.version).toBe('2') // written once: the second attempt only compared
    expect(updated.revision).toBe(entry.modRevision)
    expect(await etcd.etcdctl('get', 'cas/lost-answer', '--print-value-only')).toBe('v2\n')
  })

  it('still reports a real conflict, naming the key and both revisions', async () => {
    const key = bytes('cas/real-conflict')
    const created = await keys.put(key, bytes('mine'), { expectModRevision: '0' })
    await etcd.etcdctl('put', 'cas/real-conflict', 'theirs')
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
