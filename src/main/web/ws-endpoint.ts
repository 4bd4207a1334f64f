import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { decodeWire, encodeWire } from '../../shared/wire-codec'
import { openClientSession, type ClientSession } from '../contract/client-session'
import { bridgePushes } from '../contract/push-bridge'
import { rawText } from './raw-text'
import type { Engine } from '../engine/engine'

/**
 * The contract over a WebSocket. Client → server: `{ id, channel, arg }`; server → client:
 * `{ id, result }` for each request and `{ push, payload }` for engine pushes. Every message is
 * JSON made by the wire codec (byte arrays as `{ "$bytes": base64 }`).
 */

/** Why: the contract allows 64 MiB values; base64 makes that ~86 MiB, plus the rest of the message. */
const MAX_MESSAGE_BYTES = 96 * 1024 * 1024
/**
 * Why: a client that stops reading (a frozen tab) would make pushes queue up in memory for ever;
 * past this it is dropped, reconnects and reloads its state.
 */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024
/** Why: a peer that ignores the close handshake must not hold up stopping (ws waits 30 s). */
const CLOSE_GRACE_MS = 1_000
/** Why: finds sockets whose peer vanished without a close frame (sleep, killed browser). */
const HEARTBEAT_INTERVAL_MS = 30_000

/** Accepts authorised upgrades and serves the contract on them. */
export interface WsEndpoint {
  /** Takes over an HTTP upgrade that already passed the access check. */
  accept(request: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Closes every socket (1001 going away) and stops forwarding pushes. */
  close(): Promise<void>
}

/** Limits of the endpoint; the defaults suit the app. */
export interface WsEndpointOptions {
  /** Bytes queued for one client past which the next push drops it (MAX_BUFFERED_BYTES). */
  maxBufferedBytes?: number
}

interface Envelope {
  id: number | string
  channel: unknown
  arg: unknown
}

/** Creates the endpoint; engine pushes go to every connected socket. */
export function createWsEndpoint(engine: Engine, options: WsEndpointOptions = {}): WsEndpoint {
  const maxBufferedBytes = options.maxBufferedBytes ?? MAX_BUFFERED_BYTES
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  const sessions = new Map<WebSocket, ClientSession>()
  const alive = new WeakSet<WebSocket>()

  const dropSlowClient = (socket: WebSocket): void => {
    const bufferedBytes = socket.bufferedAmount
    socket.terminate()
    engine.log.warn(
      { bufferedBytes, maxBufferedBytes },
      'browser-mode client dropped: it stopped reading (it reconnects and reloads its state)',
    )
  }

  /** Sends to one socket; a socket whose reader fell too far behind is dropped (it reconnects). */
  const sendText = (socket: WebSocket, text: string): void => {
    if (socket.readyState !== socket.OPEN) return
    if (socket.bufferedAmount > maxBufferedBytes) dropSlowClient(socket)
    else socket.send(text)
  }

  const unbridge = bridgePushes(engine, (channel, payload) => {
    if (sessions.size === 0) return
    const text = encodeWire({ push: channel, payload })
    for (const socket of sessions.keys()) sendText(socket, text)
  })

  const heartbeat = setInterval(() => {
    for (const socket of sessions.keys()) {
      if (!alive.has(socket)) {
        socket.terminate()
        continue
      }
      alive.delete(socket)
      socket.ping()
    }
  }, HEARTBEAT_INTERVAL_MS)
  heartbeat.unref()

  const onConnection = (socket: WebSocket): void => {
    const session = openClientSession(engine, (channel, payload) =>
      sendText(socket, encodeWire({ push: channel, payload })),
    )
    sessions.set(socket, session)
    alive.add(socket)
    socket.on('pong', () => alive.add(socket))
    socket.on('message', (data, isBinary) => onMessage(socket, session, data, isBinary))
    socket.on('error', () => socket.terminate())
    socket.on('close', () => {
      sessions.delete(socket)
      void session.close()
    })
  }

  return {
    accept(request, socket, head) {
      server.handleUpgrade(request, socket, head, onConnection)
    },
    async close() {
      clearInterval(heartbeat)
      unbridge()
      const closed = [...server.clients].map(
        (socket) => new Promise((resolve) => socket.once('close', resolve)),
      )
      for (const socket of server.clients) socket.close(1001, 'server stopping')
      const grace = new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS))
      await Promise.race([Promise.all(closed), grace])
      for (const socket of server.clients) socket.terminate()
      await Promise.all([...sessions.values()].map((s) => s.close()))
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function onMessage(socket: WebSocket, session: ClientSession, data: RawData, isBinary: boolean) {
  // Security: malformed traffic is not a client of ours; close instead of guessing (RFC 6455 codes).
  if (isBinary) return socket.close(1003, 'text messages only')
  let envelope: unknown
  try {
    envelope = decodeWire(rawText(data))
  } catch {
    return socket.close(1007, 'malformed message')
  }
  if (!isEnvelope(envelope)) return socket.close(1008, 'expected { id, channel, arg }')
  const { id, channel, arg } = envelope
  void session.request(channel, arg).then((result) => {
    if (socket.readyState !== socket.OPEN) return
    let text: string
    try {
      text = encodeWire({ id, result })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      text = encodeWire({ id, result: { ok: false, error: { code: 'INTERNAL', message } } })
    }
    socket.send(text)
  })
}

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const id = (value as { id?: unknown }).id
  const isId =
    (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) ||
    (typeof id === 'string' && id.length > 0 && id.length <= 64)
  return isId && 'channel' in value
}
