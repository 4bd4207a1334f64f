import { get } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { Engine } from '../../../src/main/engine/engine'
import { startWebServer, type WebServer } from '../../../src/main/web/web-server'
import { createWebSocketApi, type WebSocketApi } from '../../../src/shared/ws-client'
import type { ClusterView } from '../../../src/shared/cluster'
import type { KeyEvent } from '../../../src/shared/keys'
import { encodeWire } from '../../../src/shared/wire-codec'
import { freeSpec, openTestEngine, waitFor } from '../../helpers/engine-fixture'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { freePort } from '../../helpers/free-port'
import { handshakeStatus, makeFakeUi, nodeSocketFactory } from './transport-fixtures'
import { rawText } from '../../../src/main/web/raw-text'

let engine: Engine
let server: WebServer
let base: string
let client: WebSocketApi
const ui = makeFakeUi()

beforeAll(async () => {
  engine = await openTestEngine('browser-mode')
  server = await startWebServer({ engine, rendererDir: ui, port: await freePort() })
  base = `http://127.0.0.1:${server.port}`
  client = createWebSocketApi(
    `ws://127.0.0.1:${server.port}/api?token=${server.token}`,
    nodeSocketFactory(base),
  )
})

afterAll(async () => {
  client?.dispose()
  await server?.close()
  const dataDir = engine?.layout.root
  await engine?.close()
  if (dataDir) expect(findEtcdProcesses(dataDir)).toEqual([])
})

describe('browser mode over HTTP', () => {
  it('prints a URL with the token and serves the page only with it', async () => {
    expect(server.url).toBe(`${base}/?token=${server.token}`)
    expect((await fetch(`${base}/`)).status).toBe(401)
    expect((await fetch(`${base}/?token=nope`)).status).toBe(401)
    expect((await fetch(`${base}/assets/app-1234.js`)).status).toBe(401)
    const page = await fetch(server.url)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('referrer-policy')).toBe('no-referrer')
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(await page.text()).toContain(`connect-src 'self' ws://127.0.0.1:${server.port};`)
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!
    const asset = await fetch(`${base}/assets/app-1234.js`, { headers: { cookie } })
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(
      (await fetch(`${base}/assets/../../../etc/passwd`, { headers: { cookie } })).status,
    ).toBe(404)
    expect((await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`, { headers: { cookie } })).status).toBe(
      404,
    )
  })

  it('refuses a foreign Origin or Host even with the token', async () => {
    expect((await fetch(server.url, { headers: { origin: 'https://evil.example' } })).status).toBe(
      403,
    )
    // fetch cannot set Host; a DNS-rebinding page would arrive with its own name in it.
    const rebinding = await new Promise<number>((resolve, reject) => {
      const path = `/?token=${server.token}`
      const headers = { host: `evil.example:${server.port}` }
      get({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      }).on('error', reject)
    })
    expect(rebinding).toBe(403)
  })
})

describe('browser mode WebSocket', () => {
  it('refuses sockets without the right token, from a foreign Origin, or on another path', async () => {
    const api = `ws://127.0.0.1:${server.port}/api`
    expect(await handshakeStatus(api)).toBe(401)
    expect(await handshakeStatus(`${api}?token=wrong`)).toBe(401)
    const cookie = `etcd-desk-token-${server.port}=${server.token}`
    expect(await handshakeStatus(api, { cookie })).toBe(401)
    expect(
      await handshakeStatus(`${api}?token=${server.token}`, { origin: 'https://evil.example' }),
    ).toBe(403)
    expect(await handshakeStatus(`ws://127.0.0.1:${server.port}/other?token=${server.token}`)).toBe(
      404,
    )
    expect(await handshakeStatus(`${api}?token=${server.token}`, { origin: base })).toBe(101)
  })

  it('answers app:info and clusters:list with the right token', async () => {
    const info = await client.api.request('app:info', {})
    expect(info).toMatchObject({ ok: true, value: { dataDir: engine.layout.root } })
    expect(await client.api.request('clusters:list', {})).toEqual({ ok: true, value: [] })
    expect(client.state()).toBe('connected')
  })

  it('validates every argument and refuses unknown channels and malformed frames', async () => {
    const bad = await client.api.request('cluster:start', { cluster: '../x\0' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
    const raw = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${server.token}`)
    await new Promise((r) => raw.once('open', r))
    const reply = new Promise<string>((r) => raw.once('message', (d) => r(rawText(d))))
    raw.send(encodeWire({ id: 9, channel: 'shell:exec', arg: {} }))
    expect(JSON.parse(await reply)).toMatchObject({
      id: 9,
      result: { ok: false, error: { code: 'INVALID_REQUEST' } },
    })
    const closed = new Promise<number>((r) => raw.once('close', (code) => r(code)))
    raw.send('{ not json')
    expect(await closed).toBe(1007)
  })

  it('creates a cluster, pushes its changes, stores and reads a binary key, then stops it', async () => {
    const views: ClusterView[] = []
    const events: KeyEvent[] = []
    const offChanged = client.api.subscribe('cluster:changed', (view) => views.push(view))
    const offEvents = client.api.subscribe('keys:events', (push) => events.push(...push.events))
    const spec = await freeSpec('web', 1)
    const created = await client.api.request('cluster:create', spec)
    expect(created).toMatchObject({ ok: true, value: { state: 'running' } })
    expect(
      views.some((v) => v.definition.name === 'web' && v.members[0]?.state === 'running'),
    ).toBe(true)

    const key = Uint8Array.from({ length: 256 }, (_, i) => 255 - i)
    const value = Uint8Array.from({ length: 256 }, (_, i) => i)
    const watch = await client.api.request('keys:watch', {
      cluster: 'web',
      prefix: key.subarray(0, 1),
    })
    expect(watch).toMatchObject({ ok: true })
    expect(await client.api.request('keys:put', { cluster: 'web', key, value })).toMatchObject({
      ok: true,
    })
    const got = await client.api.request('keys:get', { cluster: 'web', key })
    expect(got.ok && got.value.key).toEqual(key)
    expect(got.ok && got.value.value).toEqual(value)
    await waitFor(
      () => events.length,
      (n) => n > 0,
      10_000,
    )
    expect(events[0]).toMatchObject({ type: 'put', key, valueSize: value.length })

    expect(await client.api.request('cluster:stop', { cluster: 'web' })).toMatchObject({
      ok: true,
      value: { state: 'stopped' },
    })
    expect(findEtcdProcesses(engine.layout.root)).toEqual([])
    offChanged()
    offEvents()
  })

  it('reports a lost connection and recovers when the server comes back', async () => {
    const states: string[] = []
    const off = client.onStateChange((s) => states.push(s))
    await server.close()
    await waitFor(
      () => client.state(),
      (s) => s === 'reconnecting',
      5_000,
    )
    const lost = await client.api.request('clusters:list', {})
    expect(lost).toMatchObject({ ok: false, error: { code: 'DISCONNECTED' } })
    server = await startWebServer({
      engine,
      rendererDir: ui,
      port: server.port,
      token: server.token,
    })
    await waitFor(
      () => client.state(),
      (s) => s === 'connected',
      10_000,
    )
    expect(states).toEqual(['reconnecting', 'connected'])
    expect(await client.api.request('clusters:list', {})).toMatchObject({ ok: true })
    off()
  })
})
