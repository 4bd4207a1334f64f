import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import type { Engine } from '../engine/engine'
import {
  allowedHosts,
  checkAccess,
  createToken,
  tokenCookie,
  type AccessCheck,
  type AccessPolicy,
} from './web-auth'
import { ENGINE_LOG_PATH } from '../../shared/ws-url'
import { serveEngineLog } from './engine-log-page'
import { isSnapshotPath, serveSnapshot } from './snapshot-download'
import { isExportPath, receiveImport, serveExport } from './transfer-routes'
import { isClusterExportPath, serveClusterExport } from './cluster-export-download'
import { isDiagnosisPath, serveDiagnosis } from './diagnosis-download'
import { IMPORTS_PATH } from '../../shared/transfer'
import { BASE_HEADERS, serveFile, servePage } from './static-files'
import { createWsEndpoint } from './ws-endpoint'

/** Where and what a browser-mode server serves. */
export interface WebServerOptions {
  engine: Engine
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string
  /** Default 127.0.0.1. Security: loopback only unless the user asks for more. */
  host?: string
  /** 0 picks a free port. */
  port: number
  /** For tests; normally a fresh random token. */
  token?: string
  /** Bytes queued for one WebSocket client before it is dropped; default MAX_BUFFERED_BYTES. */
  maxBufferedBytes?: number
}

/** A running browser-mode server. */
export interface WebServer {
  /** The URL to open, token included. */
  url: string
  token: string
  port: number
  host: string
  /** Closes sockets and the HTTP server; the engine stays open (its owner closes it). */
  close(): Promise<void>
}

/** The WebSocket path of the contract. */
const API_PATH = '/api'

/** Starts the HTTP server (built UI) with the contract WebSocket on /api. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const host = options.host ?? '127.0.0.1'
  const token = options.token ?? createToken()
  const endpoint = createWsEndpoint(options.engine, { maxBufferedBytes: options.maxBufferedBytes })
  let policy: AccessPolicy = { token, port: options.port, hosts: new Set() }

  const server = createServer((req, res) => {
    handleHttp(req, res, options, policy).catch((error: unknown) => {
      options.engine.log.error({ err: error, path: req.url?.split('?')[0] }, 'HTTP request failed')
      if (!res.headersSent) res.writeHead(500, BASE_HEADERS)
      res.end()
    })
  })
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    const url = requestUrl(req)
    if (url.pathname !== API_PATH) return refuseUpgrade(socket, 404, 'Not Found')
    const access = checkAccess(req, url, policy, false)
    if (!access.ok) return refuseUpgrade(socket, access.status, statusText(access))
    endpoint.accept(req, socket, head)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, host, () => {
      server.off('error', reject)
      resolve()
    })
  }).catch(async (error: unknown) => {
    await endpoint.close()
    throw error
  })
  const port = (server.address() as AddressInfo).port
  policy = { token, port, hosts: allowedHosts(host, port) }
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  const urlHost = shownHost.includes(':') ? `[${shownHost}]` : shownHost
  return {
    url: `http://${urlHost}:${port}/?token=${token}`,
    token,
    port,
    host,
    async close() {
      await endpoint.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}

async function handleHttp(
  req: IncomingMessage,
  res: ServerResponse,
  options: WebServerOptions,
  policy: AccessPolicy,
): Promise<void> {
  const rendererDir = options.rendererDir
  const url = requestUrl(req)
  const isPage = url.pathname === '/' || url.pathname === '/index.html'
  // The page needs the token in its URL (the window's API reads it from there); its assets may use
  // the cookie set with the page.
  // Uploads need the token in their URL too: a cookie alone must never let a page write.
  const isUpload = url.pathname === IMPORTS_PATH
  const access = checkAccess(req, url, policy, !isPage && !isUpload)
  if (!access.ok) {
    res.writeHead(access.status, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
    res.end(
      access.status === 401
        ? 'etcd Desk: open the URL printed by `npm run web` (it carries the access token).\n'
        : `etcd Desk: refused (${access.reason}).\n`,
    )
    return
  }
  if (isUpload && req.method === 'POST') {
    await receiveImport(req, res, options.engine.transfers, url)
    return
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...BASE_HEADERS, Allow: 'GET, HEAD' })
    res.end()
    return
  }
  const isHead = req.method === 'HEAD'
  if (url.pathname === ENGINE_LOG_PATH) {
    await serveEngineLog(res, options.engine.layout.engineLogFile, isHead)
  } else if (isSnapshotPath(url.pathname)) {
    await serveSnapshot(res, options.engine.maintenance, url.pathname, isHead)
  } else if (isExportPath(url.pathname)) {
    await serveExport(res, options.engine.transfers, url.pathname, isHead)
  } else if (isClusterExportPath(url.pathname)) {
    await serveClusterExport(res, options.engine.clusterExports, url.pathname, isHead)
  } else if (isDiagnosisPath(url.pathname)) {
    await serveDiagnosis(res, options.engine.diagnosis.files, url.pathname, isHead)
  } else if (isPage) {
    const host = req.headers.host ?? '' // already checked against the allowed hosts
    await servePage(res, rendererDir, host, { 'Set-Cookie': tokenCookie(policy) }, isHead)
  } else {
    await serveFile(res, rendererDir, url.pathname, isHead)
  }
}

function requestUrl(req: IncomingMessage): URL {
  // Only path and query matter; the base never leaves this function. An unparsable target maps
  // to a path no route serves (and must never throw inside the upgrade handler).
  try {
    return new URL(req.url ?? '/', 'http://request.invalid')
  } catch {
    return new URL('http://request.invalid/-invalid-')
  }
}

function statusText(access: Exclude<AccessCheck, { ok: true }>): string {
  return access.status === 401 ? 'Unauthorized' : 'Forbidden'
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}
