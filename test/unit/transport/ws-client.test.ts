import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { decodeWire, encodeWire } from '../../../src/shared/wire-codec'
import {
  createWebSocketApi,
  type ConnectionState,
  type SocketHandlers,
} from '../../../src/shared/ws-client'

/** A socket the test drives by hand. */
class FakeSocket {
  sent: unknown[] = []
  isClosed = false
  constructor(
    readonly url: string,
    readonly handlers: SocketHandlers,
  ) {}
  send(text: string): void {
    this.sent.push(decodeWire(text))
  }
  close(): void {
    this.isClosed = true
    this.handlers.onClose()
  }
  reply(id: number, result: unknown): void {
    this.handlers.onMessage(encodeWire({ id, result }))
  }
}

let sockets: FakeSocket[] = []
const open = (url: string, handlers: SocketHandlers) => {
  const socket = new FakeSocket(url, handlers)
  sockets.push(socket)
  return socket
}
const last = () => sockets[sockets.length - 1]!

beforeEach(() => {
  sockets = []
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

describe('WebSocket client', () => {
  it('sends wire-encoded requests and resolves them by id, bytes intact', async () => {
    const client = createWebSocketApi('ws://h/api?token=t', open)
    last().handlers.onOpen()
    const key = Uint8Array.from({ length: 256 }, (_, i) => i)
    const pending = client.api.request('keys:get', { cluster: 'c', key })
    await vi.advanceTimersByTimeAsync(0)
    expect(last().sent[0]).toEqual({ id: 1, channel: 'keys:get', arg: { cluster: 'c', key } })
    last().reply(1, { ok: true, value: { key, value: null } })
    expect(await pending).toEqual({ ok: true, value: { key, value: null } })
    client.dispose()
  })

  it('lets the first requests wait for the first connection', async () => {
    const client = createWebSocketApi('ws://h/api', open)
    const pending = client.api.request('app:info', {})
    await vi.advanceTimersByTimeAsync(100)
    expect(last().sent).toEqual([])
    last().handlers.onOpen()
    await vi.advanceTimersByTimeAsync(0)
    last().reply(1, { ok: true, value: 'info' })
    expect(await pending).toEqual({ ok: true, value: 'info' })
    client.dispose()
  })

  it('fails in-flight and new requests with DISCONNECTED, reconnects with back-off, recovers', async () => {
    const client = createWebSocketApi('ws://h/api', open)
    const states: ConnectionState[] = []
    client.onStateChange((s) => states.push(s))
    last().handlers.onOpen()
    const inFlight = client.api.request('clusters:list', {})
    await vi.advanceTimersByTimeAsync(0)
    last().handlers.onClose()
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'DISCONNECTED' } })
    expect(await client.api.request('clusters:list', {})).toMatchObject({
      ok: false,
      error: { code: 'DISCONNECTED' },
    })
    expect(client.state()).toBe('reconnecting')
    await vi.advanceTimersByTimeAsync(250)
    expect(sockets).toHaveLength(2)
    last().handlers.onClose() // still down: the next try waits longer
    await vi.advanceTimersByTimeAsync(499)
    expect(sockets).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(sockets).toHaveLength(3)
    last().handlers.onOpen()
    expect(states).toEqual(['connected', 'reconnecting', 'connected'])
    const again = client.api.request('clusters:list', {})
    await vi.advanceTimersByTimeAsync(0)
    last().reply(2, { ok: true, value: [] })
    expect(await again).toEqual({ ok: true, value: [] })
    client.dispose()
  })

  it('reconnectNow skips the back-off wait', async () => {
    const client = createWebSocketApi('ws://h/api', open)
    last().handlers.onOpen()
    last().handlers.onClose()
    client.reconnectNow()
    expect(sockets).toHaveLength(2)
    client.dispose()
  })

  it('delivers pushes to subscribers of that channel only, and refuses unknown channels', async () => {
    const client = createWebSocketApi('ws://h/api', open)
    last().handlers.onOpen()
    const logs = vi.fn()
    const removed = vi.fn()
    const off = client.api.subscribe('logs:append', logs)
    client.api.subscribe('cluster:removed', removed)
    last().handlers.onMessage(
      encodeWire({ push: 'logs:append', payload: { cluster: 'c', lines: [] } }),
    )
    expect(logs).toHaveBeenCalledWith({ cluster: 'c', lines: [] })
    expect(removed).not.toHaveBeenCalled()
    off()
    last().handlers.onMessage(encodeWire({ push: 'logs:append', payload: {} }))
    last().handlers.onMessage(encodeWire({ push: 'not:a-channel', payload: {} }))
    last().handlers.onMessage('not json')
    expect(logs).toHaveBeenCalledTimes(1)
    expect(() => client.api.subscribe('app:info' as never, vi.fn())).toThrow(/push channel/)
    expect(await client.api.request('evil:x' as never, {} as never)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    })
    client.dispose()
  })

  it('does not reconnect after dispose', async () => {
    const client = createWebSocketApi('ws://h/api', open)
    last().handlers.onOpen()
    client.dispose()
    expect(last().isClosed).toBe(true)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(sockets).toHaveLength(1)
  })
})
