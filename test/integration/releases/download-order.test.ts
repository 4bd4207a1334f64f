/**
 * The archive's bytes land in the order they were sent, also when the disk and the event loop are
 * slow: a loopback server sends a known pseudo-random body in many small, uneven pieces while
 * every file write is slowed (some by far more than a page-cache write takes) and the event loop
 * is blocked now and then. The file must equal the body, and the hash taken on the way must be
 * the body's. (Under CPU load an earlier writer put later pieces before earlier ones.)
 */
import { createHash } from 'node:crypto'
import fs, { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { syncBuiltinESMExports } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { downloadFile } from '../../../src/main/releases/file-download'
import { createDispatcher } from '../../../src/main/releases/http-client'
import { makeTestDir } from '../../helpers/test-dirs'

/** A small deterministic generator (mulberry32), so a failure can be replayed exactly. */
function prng(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const random = prng(0x5eed)
/** Why 4 MB: several times any batch size a writer might gather. */
const BODY = Buffer.alloc(4 * 1024 * 1024)
for (let at = 0; at < BODY.length; at += 4) BODY.writeUInt32LE(Math.floor(random() * 2 ** 32), at)
const BODY_SHA256 = createHash('sha256').update(BODY).digest('hex')

/** Blocks the thread for `ms`: what a busy engine (or a loaded machine) does to the event loop. */
function busy(ms: number): void {
  const until = performance.now() + ms
  while (performance.now() < until);
}

/**
 * Slows every file write: every other synchronous write blocks 25 ms, every asynchronous one
 * answers 0-30 ms late. Node's file streams and the writers both go through the `fs` module
 * object, so this reaches them. Returns the undo and how many writes were slowed.
 */
function slowDisk(): { undo: () => void; slowed: () => number } {
  const original = { writeSync: fs.writeSync, write: fs.write, writev: fs.writev }
  const delay = prng(7)
  let calls = 0
  let slowed = 0
  const late =
    <A extends unknown[]>(real: (...args: A) => void) =>
    (...args: A): void => {
      const callback = args.pop() as (...result: unknown[]) => void
      slowed++
      const ms = Math.floor(delay() * 30)
      real(...([...args, (...result: unknown[]) => setTimeout(() => callback(...result), ms)] as A))
    }
  Object.assign(fs, {
    writeSync: (...args: Parameters<typeof fs.writeSync>) => {
      if (++calls % 2 === 0) {
        slowed++
        busy(25)
      }
      return original.writeSync(...args)
    },
    write: late(original.write as (...args: unknown[]) => void),
    writev: late(original.writev as (...args: unknown[]) => void),
  })
  syncBuiltinESMExports()
  const undo = (): void => {
    Object.assign(fs, original)
    syncBuiltinESMExports()
  }
  return { undo, slowed: () => slowed }
}

/** Sends BODY in pieces of 1 B to 48 KB, yielding to the event loop between pieces. */
function startServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-length': BODY.length })
    const sizes = prng(42)
    const send = (at: number): void => {
      if (at >= BODY.length || res.destroyed) return void res.end()
      const end = Math.min(BODY.length, at + 1 + Math.floor(sizes() * 48 * 1024))
      const goOn = (): void => void setImmediate(send, end)
      if (res.write(BODY.subarray(at, end))) goOn()
      else res.once('drain', goOn)
    }
    send(0)
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({ server, url: `http://127.0.0.1:${port}/etcd-v9.9.9-linux-amd64.tar.gz` })
    }),
  )
}

const dispatcher = createDispatcher({})
let served: { server: Server; url: string }

beforeAll(async () => {
  served = await startServer()
})
afterAll(async () => {
  await dispatcher.close()
  served?.server.close()
})

describe('a download on a slow disk and a busy event loop', () => {
  it('writes the bytes in order, and hashes the bytes it wrote', async () => {
    const file = join(makeTestDir('download-order'), 'archive.tar.gz')
    const disk = slowDisk()
    // Why 20 ms every 20 ms: the loop is blocked half the time, in bursts
    // longer than a write takes, so writes and arriving pieces pile up behind each other.
    const blocker = setInterval(() => busy(20), 20)
    let result: Awaited<ReturnType<typeof downloadFile>>
    try {
      result = await downloadFile({
        url: served.url,
        file,
        dispatcher,
        stallTimeoutMs: 30_000,
        retry: { attempts: 1, delayMs: 0 },
        label: 'the test archive',
      })
    } finally {
      clearInterval(blocker)
      disk.undo()
    }
    const written = readFileSync(file)
    expect(written.length).toBe(BODY.length)
    expect(createHash('sha256').update(written).digest('hex')).toBe(BODY_SHA256)
    expect(written.equals(BODY)).toBe(true)
    expect(disk.slowed()).toBeGreaterThan(0)
    expect(result).toEqual({ bytes: BODY.length, sha256: BODY_SHA256 })
  })
})
