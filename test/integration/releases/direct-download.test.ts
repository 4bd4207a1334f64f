/**
 * The download path (file-download.ts: undici's request piped into the file) against raw servers
 * that answer byte by byte: chunked bodies, informational heads, bodies that run to the close,
 * redirects, TLS, and a dropped download resumed with Range (or restarted when the file changed).
 */
import { execFile, execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { createServer as createHttpsServer } from 'node:https'
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { downloadFile } from '../../../src/main/releases/file-download'
import { createDispatcher } from '../../../src/main/releases/http-client'
import { makeTestDir } from '../../helpers/test-dirs'

const BODY = randomBytes(300_000)
const DONE = { bytes: BODY.length, sha256: createHash('sha256').update(BODY).digest('hex') }
const dispatcher = createDispatcher({})
/** Every request the raw servers saw: its path and its head (request line and headers). */
const hits: { path: string; head: string }[] = []
/** One default stream window (64 KiB): enough to pause undici's parser, small enough for one read. */
const WINDOW = randomBytes(64 * 1024)
/** Settled when the server has sent `/close-while-behind` and its FIN. */
let sentClose: () => void = () => {}
const closed = new Promise<void>((resolve) => (sentClose = resolve))
let raw: { server: Server; origin: string }
let other: { server: Server; origin: string }
let dir: string

/** Writes `bytes` in pieces of `size` with a turn of the event loop between them. */
async function dribble(socket: Socket, bytes: Buffer, size: number): Promise<void> {
  for (let at = 0; at < bytes.length && !socket.destroyed; at += size) {
    socket.write(bytes.subarray(at, at + size))
    await new Promise((resolve) => setImmediate(resolve))
  }
}

function chunked(body: Buffer): Buffer {
  const parts: Buffer[] = []
  for (let at = 0; at < body.length; at += 70_001) {
    const piece = body.subarray(at, at + 70_001)
    parts.push(Buffer.from(`${piece.length.toString(16)};x=y\r\n`), piece, Buffer.from('\r\n'))
  }
  return Buffer.concat([...parts, Buffer.from('0\r\ntrailer: 1\r\n\r\n')])
}

/** An HTTP/1.1 answer: status line, headers and body as exact bytes. */
function http(status: string, headers: string[], body: Buffer = Buffer.alloc(0)): Buffer {
  return Buffer.concat([Buffer.from(`HTTP/1.1 ${status}\r\n${headers.join('\r\n')}\r\n\r\n`), body])
}

/** The file each resume path's download writes (the server cuts once it holds bytes). */
const resumeFiles = new Map<string, string>()
/** vi.waitFor's 1 s default is short for a loaded machine's first write. */
const FILE_WAIT = { timeout: 10_000, interval: 10 }

/**
 * The resume paths: the first request gets a resumable answer cut after 100 KB; a retry gets the
 * rest (206 from where its Range starts), or, for `-changed`, the whole file again (200), as a
 * server does when If-Range no longer matches.
 */
async function resumable(socket: Socket, path: string, head: string): Promise<void> {
  const whole = [`content-length: ${BODY.length}`, 'accept-ranges: bytes', 'etag: "v1"']
  if (hits.filter((h) => h.path === path).length === 1) {
    await dribble(socket, http('200 OK', whole, BODY).subarray(0, 100_000), 4096)
    // Cut only once part of it reached the client's file: a resume needs bytes to resume from.
    const file = resumeFiles.get(path)
    if (file) await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(0), FILE_WAIT)
    return void socket.destroy()
  }
  const start = Number(/^range: bytes=(\d+)-/im.exec(head)?.[1] ?? 0)
  if (path.endsWith('-changed') || start === 0) {
    return dribble(socket, http('200 OK', whole, BODY), 8192)
  }
  const range = `content-range: bytes ${start}-${BODY.length - 1}/${BODY.length}`
  const length = `content-length: ${BODY.length - start}`
  return dribble(socket, http('206 Partial Content', [length, range], BODY.subarray(start)), 8192)
}

/** Answers by path, writing exact bytes. */
async function answer(socket: Socket, path: string, head: string): Promise<void> {
  if (path.startsWith('/resume')) return resumable(socket, path, head)
  const hops = /^\/hop(\d+)$/.exec(path)
  if (hops) {
    const next = Number(hops[1]) > 0 ? `/hop${Number(hops[1]) - 1}` : '/length'
    return void socket.end(http('302 Found', [`location: ${next}`, 'content-length: 0']))
  }
  const length = `content-length: ${BODY.length}`
  switch (path) {
    case '/length':
      return dribble(socket, http('200 OK', [length], BODY), 777)
    case '/chunked':
      return dribble(socket, http('200 OK', ['transfer-encoding: chunked'], chunked(BODY)), 333)
    case '/early-hints':
      await dribble(socket, http('103 Early Hints', ['link: </x>']), 5)
      return dribble(socket, http('200 OK', [length], BODY), 65_536)
    case '/to-close':
      await dribble(socket, Buffer.concat([Buffer.from('HTTP/1.0 200 OK\r\n\r\n'), BODY]), 4096)
      return void socket.end()
    case '/close-while-behind':
      // One write, then FIN: the client reads it all at once, before its reader has taken any.
      socket.write(Buffer.concat([Buffer.from('HTTP/1.0 200 OK\r\n\r\n'), WINDOW]))
      return void socket.end(() => sentClose())
    case '/elsewhere':
      return void socket.end(http('301 Moved', [`location: ${other.origin}/chunked`]))
    default:
      return void socket.end(http('404 Not Found', ['content-length: 0']))
  }
}

async function startRawServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((socket) => {
    let received = ''
    socket.on('error', () => {})
    socket.on('data', (data) => {
      received += data.toString('latin1')
      const end = received.indexOf('\r\n\r\n')
      if (end === -1) return
      // One GET (no body) per head; a kept-alive socket's next request starts afresh.
      const head = received.slice(0, end)
      received = received.slice(end + 4)
      const path = head.split(' ')[1]!
      hits.push({ path, head })
      answer(socket, path, head).catch(() => socket.destroy())
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { server, origin }
}

function download(url: string, file = join(dir, 'out.bin')) {
  return downloadFile({
    url,
    file,
    dispatcher,
    stallTimeoutMs: 2_000,
    retry: { attempts: 2, delayMs: 10 },
    label: 'test file',
  })
}

beforeAll(async () => {
  dir = makeTestDir('direct-download')
  raw = await startRawServer()
  other = await startRawServer()
})
afterAll(async () => {
  await dispatcher.close()
  for (const { server } of [raw, other]) server.close()
})

describe('downloads without a proxy', () => {
  for (const path of ['/length', '/chunked', '/early-hints', '/to-close']) {
    it(`${path}: the body arrives whole, whatever the pieces`, async () => {
      const file = join(dir, `${path.slice(1)}.bin`)
      expect(await download(`${raw.origin}${path}`, file)).toEqual(DONE)
      expect(readFileSync(file).equals(BODY)).toBe(true)
    })
  }

  it('follows relative and cross-origin redirects', async () => {
    const file = join(dir, 'redirected.bin')
    expect(await download(`${raw.origin}/hop4`, file)).toEqual(DONE)
    expect(readFileSync(file).equals(BODY)).toBe(true)
    await download(`${raw.origin}/elsewhere`, file)
    expect(readFileSync(file).equals(BODY)).toBe(true)
  })

  it('resumes a dropped download with Range and If-Range, hashing the part it had', async () => {
    const file = join(dir, 'resumed.bin')
    resumeFiles.set('/resume', file)
    expect(await download(`${raw.origin}/resume`, file)).toEqual(DONE)
    expect(readFileSync(file).equals(BODY)).toBe(true)
    const retry = hits.filter((h) => h.path === '/resume')[1]!.head
    expect(retry).toMatch(/^range: bytes=[1-9]\d*-$/im)
    expect(retry).toMatch(/^if-range: "v1"$/im)
  })

  it('starts afresh when the server answers a resume with the whole (changed) file', async () => {
    const file = join(dir, 'changed.bin')
    resumeFiles.set('/resume-changed', file)
    expect(await download(`${raw.origin}/resume-changed`, file)).toEqual(DONE)
    expect(readFileSync(file).equals(BODY)).toBe(true)
    expect(hits.filter((h) => h.path === '/resume-changed')[1]!.head).toMatch(/^range: /im)
  })

  it('speaks TLS, with and without a server name', async () => {
    // A throw-away CA-less certificate for this run; the child trusts it via NODE_EXTRA_CA_CERTS.
    const [key, cert] = [join(dir, 'tls.key'), join(dir, 'tls.crt')]
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
        ...['-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'],
        ...['-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
      ],
      { stdio: 'ignore' },
    )
    const server = createHttpsServer(
      { key: readFileSync(key), cert: readFileSync(cert) },
      (_req, res) => res.writeHead(200, { 'content-length': BODY.length }).end(BODY),
    )
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as AddressInfo).port
    const child = fileURLToPath(new URL('./download-child.ts', import.meta.url))
    const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url))
    try {
      for (const host of ['localhost', '127.0.0.1']) {
        const file = join(dir, `tls-${host}.bin`)
        const { stdout } = await promisify(execFile)(
          tsx,
          [child, `https://${host}:${port}/x`, file],
          {
            env: { ...process.env, NODE_EXTRA_CA_CERTS: cert },
          },
        )
        expect(stdout.trim()).toBe(String(BODY.length))
        expect(readFileSync(file).equals(BODY)).toBe(true)
      }
    } finally {
      server.close()
    }
  })

  it('finishes a body that runs to the close when the reader is behind at the close', async () => {
    // A slow disk leaves undici's parser paused when the server closes. undici 7.30.2 crashed the
    // process there with an uncatchable assertion (nodejs/undici#5360); patches/undici+7.30.2.patch
    // carries the upstream fix (#5474) until a 7.x release has it.
    const { body } = await dispatcher.request({
      origin: raw.origin,
      path: '/close-while-behind',
      method: 'GET',
    })
    await closed
    // Why 100 ms: the FIN, sent, must reach the client while nothing reads the body (loopback).
    await new Promise((resolve) => setTimeout(resolve, 100))
    const chunks: Buffer[] = []
    for await (const chunk of body) chunks.push(chunk as Buffer)
    expect(Buffer.concat(chunks).equals(WINDOW)).toBe(true)
  })
})
