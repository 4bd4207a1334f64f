/**
 * The download path (undici, through file-dispatch.ts) against raw servers that answer byte by
 * byte: chunked bodies, informational heads, bodies that run
 * to the close, redirects, and TLS.
 */
import { execFile, execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer as createHttpsServer } from 'node:https'
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { downloadFile } from '../../../src/main/releases/file-download'
import { createDispatcher } from '../../../src/main/releases/http-client'
import { makeTestDir } from '../../helpers/test-dirs'

const BODY = randomBytes(300_000)
const dispatcher = createDispatcher({})
const hits: string[] = []
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

/** Answers by path, writing exact bytes. */
async function answer(socket: Socket, path: string, origin: string): Promise<void> {
  const head = (text: string): Buffer => Buffer.from(`${text}\r\n\r\n`)
  const ok = 'HTTP/1.1 200 OK'
  const hops = /^\/hop(\d+)$/.exec(path)
  if (hops) {
    const next = Number(hops[1]) > 0 ? `/hop${Number(hops[1]) - 1}` : '/length'
    return void socket.end(head(`HTTP/1.1 302 Found\r\nlocation: ${next}\r\ncontent-length: 0`))
  }
  switch (path) {
    case '/length':
      return dribble(
        socket,
        Buffer.concat([head(`${ok}\r\ncontent-length: ${BODY.length}`), BODY]),
        777,
      )
    case '/chunked':
      return dribble(
        socket,
        Buffer.concat([head(`${ok}\r\ntransfer-encoding: chunked`), chunked(BODY)]),
        333,
      )
    case '/early-hints':
      await dribble(socket, head('HTTP/1.1 103 Early Hints\r\nlink: </x>'), 5)
      return dribble(
        socket,
        Buffer.concat([head(`${ok}\r\ncontent-length: ${BODY.length}`), BODY]),
        65_536,
      )
    case '/to-close':
      await dribble(socket, Buffer.concat([head('HTTP/1.0 200 OK'), BODY]), 4096)
      return void socket.end()
    case '/cut-once':
      if (hits.filter((p) => p === path).length > 1) return answer(socket, '/chunked', origin)
      await dribble(
        socket,
        Buffer.concat([head(`${ok}\r\ntransfer-encoding: chunked`), chunked(BODY)]).subarray(
          0,
          100_000,
        ),
        4096,
      )
      return void socket.destroy()
    case '/elsewhere':
      return void socket.end(head(`HTTP/1.1 301 Moved\r\nlocation: ${other.origin}/chunked`))
    case '/garbage':
      return void socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n')
    default:
      return void socket.end(head('HTTP/1.1 404 Not Found\r\ncontent-length: 0'))
  }
}

async function startRawServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((socket) => {
    let received = ''
    socket.on('error', () => {})
    socket.on('data', (data) => {
      received += data.toString('latin1')
      if (!received.includes('\r\n\r\n')) return
      const path = received.split(' ')[1]!
      hits.push(path)
      answer(socket, path, origin).catch(() => socket.destroy())
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
      expect(await download(`${raw.origin}${path}`, file)).toEqual({ bytes: BODY.length })
      expect(readFileSync(file).equals(BODY)).toBe(true)
    })
  }

  it('follows relative and cross-origin redirects', async () => {
    const file = join(dir, 'redirected.bin')
    expect(await download(`${raw.origin}/hop4`, file)).toEqual({ bytes: BODY.length })
    expect(readFileSync(file).equals(BODY)).toBe(true)
    await download(`${raw.origin}/elsewhere`, file)
    expect(readFileSync(file).equals(BODY)).toBe(true)
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
})
