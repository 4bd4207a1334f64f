import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { WebSocket } from 'ws'
import type { SocketFactory } from '../../../src/shared/ws-client'
import { makeTestDir } from '../../helpers/test-dirs'
import { rawText } from '../../../src/main/web/raw-text'

/** A stand-in for out/renderer: a page with the app's CSP shape and one script asset. */
export function makeFakeUi(): string {
  const dir = makeTestDir('fake-ui')
  mkdirSync(join(dir, 'assets'))
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'self'; object-src 'none'"></head><body><script type="module" src="/assets/app-1234.js"></script></body></html>`,
  )
  writeFileSync(join(dir, 'assets/app-1234.js'), 'console.log("etcd Desk")\n')
  return dir
}

/** Opens sockets with the `ws` package the way the browser would open them (same Origin). */
export function nodeSocketFactory(origin?: string): SocketFactory {
  return (url, handlers) => {
    const socket = new WebSocket(url, origin ? { origin } : {})
    socket.on('open', () => handlers.onOpen())
    socket.on('message', (data, isBinary) => {
      if (!isBinary) handlers.onMessage(rawText(data))
    })
    socket.on('close', () => handlers.onClose())
    socket.on('error', () => undefined) // 'close' follows and drives the reconnect
    return socket
  }
}

/** The HTTP status a WebSocket handshake was refused with, or 101 when it was accepted. */
export function handshakeStatus(
  url: string,
  headers: Record<string, string> = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers })
    socket.on('open', () => {
      socket.close()
      resolve(101)
    })
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      socket.terminate()
    })
    socket.on('error', (error) => reject(error))
  })
}
