/**
 * A loopback HTTP server shaped like an etcd release source (`{base}/v{V}/{asset}` and
 * `{base}/v{V}/SHA256SUMS`) and the GitHub releases API, with switchable misbehaviours and a log
 * of every request. Files are streamed from disk, never held in memory.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

/** How the server answers archive requests (SHA256SUMS is always served normally, except not-found). */
type Misbehaviour =
  | 'none'
  /** 404 for everything. */
  | 'not-found'
  /** Every archive response stops half-way and drops the connection. */
  | 'truncate'
  /** Headers and 64 KB, then silence. */
  | 'stall'
  /** The first archive response drops half-way; later ones honour Range. */
  | 'drop-once'
  /** The first archive request gets 503. */
  | 'error-once'
  /** Sends 256 KB every 10 ms, so a download lasts long enough to watch or cancel. */
  | 'slow'
  /** Sends 256 KB every 40 ms (~6 MB/s): a download a person can watch for a few seconds. */
  | 'crawl'

/** One request as the server saw it. */
interface LoggedRequest {
  method: string
  path: string
  range: string | undefined
  /** True for proxy requests: CONNECT tunnels and absolute-URL requests. */
  viaProxy: boolean
}

/** The running server. */
export interface ReleaseServer {
  /** `http://127.0.0.1:<port>` */
  origin: string
  /** Base URL of the release layout: `${origin}/etcd`. */
  base: string
  /** Base of the fake GitHub API: `${origin}/api`. */
  githubApi: string
  requests: LoggedRequest[]
  misbehaviour: Misbehaviour
  /** Switches the misbehaviour; "once" modes count from the next archive request. */
  misbehave(mode: Misbehaviour): void
  /** Serves a file from disk at `/etcd/v{version}/{name}`. */
  publish(version: string, name: string, path: string): void
  /** Serves text at `/etcd/v{version}/{name}` (e.g. SHA256SUMS). */
  publishText(version: string, name: string, text: string): void
  /** Serves the GitHub list-releases answer, paged like GitHub. */
  githubReleases: { tag_name: string; prerelease: boolean; draft: boolean; published_at: string }[]
  /** Requests whose path ends with `suffix`. */
  countOf(suffix: string): number
  close(): Promise<void>
}

/** Why 256 KB every 10 ms: ~25 MB/s, so the ~15 MB test archive takes ~0.6 s: time to cancel. */
const SLOW_CHUNK = 256 * 1024
const SLOW_DELAY_MS = 10
/** Why 40 ms: ~6 MB/s, so the test archive takes ~2.5 s: time to read progress on screen. */
const CRAWL_DELAY_MS = 40

/** Starts a release server on 127.0.0.1 and a free port. */
export async function startReleaseServer(): Promise<ReleaseServer> {
  const files = new Map<string, { path?: string; text?: string }>()
  const sockets = new Set<Socket>()
  const archiveRequests = { count: 0 }
  let port = 0
  const state: ReleaseServer = {
    origin: '',
    base: '',
    githubApi: '',
    requests: [],
    misbehaviour: 'none',
    misbehave: (mode) => {
      state.misbehaviour = mode
      archiveRequests.count = 0
    },
    githubReleases: [],
    publish: (version, name, path) => files.set(`/etcd/v${version}/${name}`, { path }),
    publishText: (version, name, text) => files.set(`/etcd/v${version}/${name}`, { text }),
    countOf: (suffix) => state.requests.filter((r) => r.path.endsWith(suffix)).length,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://placeholder')
    const path = decodeURIComponent(url.pathname)
    state.requests.push({
      method: req.method ?? 'GET',
      path,
      range: req.headers.range,
      viaProxy: /^https?:\/\//.test(req.url ?? ''),
    })
    if (path.startsWith('/api/')) return serveGithub(state, url, res)
    const file = files.get(path)
    if (!file || state.misbehaviour === 'not-found') return void res.writeHead(404).end('not found')
    if (file.text !== undefined) return void res.writeHead(200).end(file.text)
    serveArchive(state, archiveRequests.count++, file.path!, req, res).catch(() => res.destroy())
  })
  // A forward proxy for HTTP_PROXY tests: CONNECT tunnels to this same server, whatever host is asked.
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    state.requests.push({
      method: 'CONNECT',
      path: req.url ?? '',
      range: undefined,
      viaProxy: true,
    })
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client).pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
  state.origin = `http://127.0.0.1:${port}`
  state.base = `${state.origin}/etcd`
  state.githubApi = `${state.origin}/api`
  return state
}

function serveGithub(state: ReleaseServer, url: URL, res: ServerResponse): void {
  if (state.misbehaviour === 'not-found') return void res.writeHead(404).end('{}')
  const perPage = Number(url.searchParams.get('per_page') ?? 30)
  const page = Number(url.searchParams.get('page') ?? 1)
  const items = state.githubReleases.slice((page - 1) * perPage, page * perPage)
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(items))
}

async function serveArchive(
  state: ReleaseServer,
  index: number,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const mode = state.misbehaviour
  if (mode === 'error-once' && index === 0) return void res.writeHead(503).end('busy')
  const size = (await stat(path)).size
  const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '')
  const start = range && mode !== 'truncate' ? Number(range[1]) : 0
  const headers = { 'accept-ranges': 'bytes', etag: `"${size}"`, 'content-length': size - start }
  if (start > 0) {
    res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${size - 1}/${size}` })
  } else {
    res.writeHead(200, headers)
  }
  const cut =
    mode === 'truncate' || (mode === 'drop-once' && index === 0)
      ? Math.floor(size / 2)
      : mode === 'stall'
        ? 64 * 1024
        : Infinity
  let sent = start
  for await (const chunk of createReadStream(path, { start, highWaterMark: SLOW_CHUNK })) {
    const piece = (chunk as Buffer).subarray(0, Math.max(0, cut - sent))
    if (piece.length > 0 && !res.write(piece)) await new Promise((r) => res.once('drain', r))
    sent += piece.length
    if (sent >= cut) {
      // Stall keeps the socket open and silent; the others drop it mid-body.
      if (mode !== 'stall') await new Promise<void>((r) => res.write('', () => r()))
      if (mode !== 'stall') res.socket?.destroy()
      return
    }
    const delayMs = mode === 'slow' ? SLOW_DELAY_MS : mode === 'crawl' ? CRAWL_DELAY_MS : 0
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs))
    if (res.destroyed) return
  }
  res.end()
}
