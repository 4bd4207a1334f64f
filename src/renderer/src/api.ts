import type { EtcdDeskApi } from '../../shared/contract'
import { createWebSocketApi, type ConnectionState, type WebSocketApi } from '../../shared/ws-client'
import { apiSocketUrl } from '../../shared/ws-url'

/**
 * The window's one way to the engine, whatever it runs on: Electron's preload API when present,
 * otherwise (browser mode) the contract over a WebSocket to the server that served this page.
 * This is the only file that reads `window.etcdDesk`; features import `api` from here.
 */

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    etcdDesk?: EtcdDeskApi
  }
}

/** Which transport this window uses. */
export const transport: 'electron' | 'websocket' = window.etcdDesk ? 'electron' : 'websocket'

let client: WebSocketApi | null = null

/** Why lazy: importing this module (tests, Electron) must not open a socket nobody uses. */
function webSocketClient(): WebSocketApi {
  client ??= createWebSocketApi(apiSocketUrl(window.location), (url, handlers) => {
    const socket = new WebSocket(url)
    socket.onopen = () => handlers.onOpen()
    socket.onmessage = (event) => {
      if (typeof event.data === 'string') handlers.onMessage(event.data)
    }
    socket.onclose = () => handlers.onClose()
    return socket
  })
  return client
}

/** The contract API: typed requests returning Result, and push subscriptions. */
export const api: EtcdDeskApi = window.etcdDesk ?? {
  request: (channel, arg) => webSocketClient().api.request(channel, arg),
  subscribe: (channel, listener) => webSocketClient().api.subscribe(channel, listener),
}

/** The connection state now (always 'connected' in Electron, where IPC cannot drop). */
function getConnectionState(): ConnectionState {
  return transport === 'electron' ? 'connected' : webSocketClient().state()
}

/**
 * Calls `listener` at once with the current state, then on every change; returns an unsubscribe.
 * After 'reconnecting' → 'connected', pushes were missed and the server closed this window's key
 * watches: reload what is shown and watch again.
 */
export function onConnectionChange(listener: (state: ConnectionState) => void): () => void {
  listener(getConnectionState())
  if (transport === 'electron') return () => undefined
  return webSocketClient().onStateChange(listener)
}

/** Retries the connection now instead of waiting for the next back-off step. */
export function reconnectNow(): void {
  if (transport === 'websocket') webSocketClient().reconnectNow()
}
