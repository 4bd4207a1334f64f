import { isPushChannel, isRequestChannelName } from './channels'
import type { EtcdDeskApi, PushChannel } from './contract'
import type { ErrorData, Result } from './result'
import { decodeWire, encodeWire } from './wire-codec'

/**
 * The contract over browser mode's WebSocket (protocol in src/main/web/ws-endpoint.ts), with
 * reconnects and an observable connection state. Why in shared: it needs neither the DOM nor
 * Node, so the window (via api.ts), Node tests and benchmarks all drive browser mode with it.
 */

/** `connecting`: first connection since the page loaded; `reconnecting`: it was lost. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting'

/** What the client needs from a socket; the browser's WebSocket and the `ws` package both fit. */
interface SocketLike {
  send(text: string): void
  close(): void
}

/** Callbacks a socket factory wires to its socket's events. */
export interface SocketHandlers {
  onOpen(): void
  onMessage(text: string): void
  onClose(): void
}

/** Opens a socket to `url` and reports its events to `handlers`. */
export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketLike

/** The API plus its connection, as returned by createWebSocketApi. */
export interface WebSocketApi {
  api: EtcdDeskApi
  state(): ConnectionState
  onStateChange(listener: (state: ConnectionState) => void): () => void
  /** Skips the back-off wait and tries to connect now. */
  reconnectNow(): void
  /** Closes for good (tests, page unload). */
  dispose(): void
}

/** Why: a page's first requests run while the socket is still opening; they wait this long. */
const FIRST_CONNECT_WAIT_MS = 10_000
/** Why: retry fast after a blip, then back off so a stopped server is not hammered. */
const RECONNECT_DELAYS_MS = [250, 500, 1_000, 2_000, 4_000, 5_000]

const disconnected: ErrorData = {
  code: 'DISCONNECTED',
  message: 'The connection to etcd Desk was lost; it reconnects automatically. Try again then.',
}

/** Creates the WebSocket transport. The first socket opens at once. */
export function createWebSocketApi(url: string, openSocket: SocketFactory): WebSocketApi {
  let state: ConnectionState = 'connecting'
  let socket: SocketLike | null = null
  let attempt = 0
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let isDisposed = false
  let nextId = 1
  const pending = new Map<number, (result: Result<unknown>) => void>()
  const waiting = new Set<() => void>()
  const stateListeners = new Set<(state: ConnectionState) => void>()
  const pushListeners = new Map<PushChannel, Set<(payload: unknown) => void>>()

  const setState = (next: ConnectionState): void => {
    if (next === state) return
    state = next
    for (const listener of [...stateListeners]) listener(next)
  }

  const connect = (): void => {
    retryTimer = undefined
    const own = openSocket(url, {
      onOpen: () => {
        attempt = 0
        setState('connected')
        for (const release of [...waiting]) release()
      },
      onMessage: (text) => onMessage(text),
      onClose: () => {
        if (socket !== own) return
        socket = null
        for (const resolve of pending.values()) resolve({ ok: false, error: disconnected })
        pending.clear()
        if (isDisposed) return
        if (state === 'connected') setState('reconnecting')
        const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)]
        attempt++
        retryTimer = setTimeout(connect, delay)
      },
    })
    socket = own
  }

  const onMessage = (text: string): void => {
    let message: { id?: unknown; result?: unknown; push?: unknown; payload?: unknown }
    try {
      message = decodeWire(text) as typeof message
    } catch {
      return // not ours to guess at; the server only sends wire JSON
    }
    if (typeof message.id === 'number') {
      pending.get(message.id)?.(message.result as Result<unknown>)
      pending.delete(message.id)
    } else if (isPushChannel(message.push)) {
      for (const listener of [...(pushListeners.get(message.push) ?? [])]) {
        try {
          listener(message.payload)
        } catch (error) {
          // One failing screen must not starve the others; rethrow later so it is still seen.
          setTimeout(() => {
            throw error
          })
        }
      }
    }
  }

  const waitForFirstConnection = (): Promise<boolean> =>
    new Promise((resolve) => {
      const release = (): void => {
        clearTimeout(timer)
        waiting.delete(release)
        resolve(state === 'connected')
      }
      const timer = setTimeout(release, FIRST_CONNECT_WAIT_MS)
      waiting.add(release)
    })

  const send = async (channel: string, arg: unknown): Promise<Result<unknown>> => {
    if (!isRequestChannelName(channel)) {
      const message = `Unknown request channel: ${String(channel).slice(0, 64)}`
      return { ok: false, error: { code: 'INVALID_REQUEST', message } }
    }
    if (state === 'connecting' && !isDisposed && !(await waitForFirstConnection())) {
      return { ok: false, error: disconnected }
    }
    if (state !== 'connected' || !socket) return { ok: false, error: disconnected }
    const id = nextId++
    let text: string
    try {
      text = encodeWire({ id, channel, arg })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      return { ok: false, error: { code: 'INVALID_REQUEST', message } }
    }
    const result = new Promise<Result<unknown>>((resolve) => pending.set(id, resolve))
    try {
      socket.send(text)
    } catch {
      pending.delete(id)
      return { ok: false, error: disconnected }
    }
    return result
  }

  const api: EtcdDeskApi = {
    request: (channel, arg) => send(channel, arg) as never,
    subscribe(channel, listener) {
      if (!isPushChannel(channel)) throw new TypeError(`Unknown push channel: ${String(channel)}`)
      const set = pushListeners.get(channel) ?? new Set()
      pushListeners.set(channel, set)
      const own = (payload: unknown): void => listener(payload as never)
      set.add(own)
      return () => {
        set.delete(own)
      }
    },
  }

  connect()
  return {
    api,
    state: () => state,
    onStateChange(listener) {
      stateListeners.add(listener)
      return () => {
        stateListeners.delete(listener)
      }
    },
    reconnectNow() {
      if (retryTimer === undefined || isDisposed) return
      clearTimeout(retryTimer)
      connect()
    },
    dispose() {
      isDisposed = true
      clearTimeout(retryTimer)
      for (const release of [...waiting]) release()
      socket?.close()
    },
  }
}
