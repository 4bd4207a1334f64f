import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import { startWebServer, type WebServer } from '../../../src/main/web/web-server'
import type { KeyEvent } from '../../../src/shared/keys'
import { createWebSocketApi, type WebSocketApi } from '../../../src/shared/ws-client'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { ENGINE_WAIT, freeSpec, openTestEngine } from '../../helpers/engine-fixture'
import { freePort } from '../../helpers/free-port'
import { makeFakeUi, nodeSocketFactory } from './transport-fixtures'

let engine: Engine
let server: WebServer
let windows: WebSocketApi[] = []

const bytes = (text: string) => Uint8Array.from(Buffer.from(text))

beforeAll(async () => {
  engine = await openTestEngine('watch-routing')
  await engine.createCluster(await freeSpec('routed', 1))
  server = await startWebServer({ engine, rendererDir: makeFakeUi(), port: await freePort() })
  const base = `http://127.0.0.1:${server.port}`
  const url = `ws://127.0.0.1:${server.port}/api?token=${server.token}`
  windows = [0, 1].map(() => createWebSocketApi(url, nodeSocketFactory(base)))
})

afterAll(async () => {
  windows.forEach((w) => w.dispose())
  await server?.close()
  const root = engine?.layout.root
  await engine?.close()
  if (root) expect(findEtcdProcesses(root)).toEqual([])
})

describe('key-watch pushes', () => {
  it('go only to the window that opened the watch, with value sizes, not values', async () => {
    const [mine, other] = windows as [WebSocketApi, WebSocketApi]
    const seenByMine: KeyEvent[] = []
    const seenByOther: KeyEvent[] = []
    mine.api.subscribe('keys:events', (push) => seenByMine.push(...push.events))
    other.api.subscribe('keys:events', (push) => seenByOther.push(...push.events))

    const watch = await mine.api.request('keys:watch', { cluster: 'routed', prefix: bytes('w/') })
    expect(watch.ok).toBe(true)
    const value = new Uint8Array(10_000).fill(7)
    await mine.api.request('keys:put', { cluster: 'routed', key: bytes('w/big'), value })
    await vi.waitFor(() => expect(seenByMine).toHaveLength(1), ENGINE_WAIT)
    // Had the event been sent to the other window too, it would have been queued on its socket
    // before the answer to this later request.
    await other.api.request('clusters:list', {})

    expect(seenByMine[0]).toEqual({
      type: 'put',
      key: bytes('w/big'),
      valueSize: 10_000,
      modRevision: expect.any(String),
    })
    expect(seenByOther).toEqual([])
  })

  it("a window cannot stop another window's watch", async () => {
    const [mine, other] = windows as [WebSocketApi, WebSocketApi]
    const seen: KeyEvent[] = []
    mine.api.subscribe('keys:events', (push) => seen.push(...push.events))
    const watch = await mine.api.request('keys:watch', { cluster: 'routed', prefix: bytes('s/') })
    if (!watch.ok) throw new Error(watch.error.message)

    expect(await other.api.request('keys:unwatch', { watchId: watch.value.watchId })).toEqual({
      ok: true,
      value: null,
    })
    await mine.api.request('keys:put', { cluster: 'routed', key: bytes('s/1'), value: bytes('x') })
    await vi.waitFor(() => expect(seen.map((e) => e.key)).toContainEqual(bytes('s/1')), ENGINE_WAIT)
  })
})
