/**
 * The download thread (download-thread.ts): release archives are downloaded in a worker thread.
 * Against the loopback release server: bytes and progress arrive, errors keep their codes,
 * cancelling and closing release the file, a dying thread gives a clear error, and the built
 * worker (out/main/download-worker.js) runs the same way.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { EngineError } from '../../../src/main/errors/engine-error'
import { DownloadThread, type ThreadDownload } from '../../../src/main/releases/download-thread'
import { waitFor } from '../../helpers/engine-fixture'
import { startReleaseServer, type ReleaseServer } from '../../helpers/release-server'
import { makeTestDir } from '../../helpers/test-dirs'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const builtWorker = join(root, 'out/main/download-worker.js')
/** Why 3 MB: several 1 MB batches, and with the slow server (25 MB/s) long enough to cancel. */
const BODY = randomBytes(3 * 1024 * 1024 + 123)
let server: ReleaseServer
let dir: string
const threads: DownloadThread[] = []

beforeAll(async () => {
  server = await startReleaseServer()
  dir = makeTestDir('download-thread')
  writeFileSync(join(dir, 'body.bin'), BODY)
  server.publish('9.9.9', 'body.bin', join(dir, 'body.bin'))
})
afterAll(async () => {
  await Promise.all(threads.map((t) => t.close()))
  await server?.close()
})
beforeEach(() => server.misbehave('none'))

function newThread(options: { idleMs?: number; script?: string } = {}): DownloadThread {
  const thread = new DownloadThread({ env: {}, ...options })
  threads.push(thread)
  return thread
}

function request(file: string, extra: Partial<ThreadDownload> = {}): ThreadDownload {
  return {
    url: `${server.base}/v9.9.9/body.bin`,
    file: join(dir, file),
    stallTimeoutMs: 5_000,
    retry: { attempts: 1, delayMs: 0 },
    label: 'the test body',
    ...extra,
  }
}

/** Files this process (and so the thread) holds open. */
function openFiles(): string[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      return [readlinkSync(`/proc/self/fd/${fd}`)]
    } catch {
      return []
    }
  })
}

describe('the download thread', () => {
  it('downloads the exact bytes with rising progress that ends at the total', async () => {
    const thread = newThread()
    const seen: { received: number; total: number | null }[] = []
    const result = await thread.download(
      request('ok.bin', { onBytes: (received, total) => seen.push({ received, total }) }),
    )
    expect(result.bytes).toBe(BODY.length)
    expect(readFileSync(join(dir, 'ok.bin')).equals(BODY)).toBe(true)
    const counts = seen.map((s) => s.received)
    expect(counts).toEqual([...counts].sort((a, b) => a - b))
    expect(seen.at(-1)).toEqual({ received: BODY.length, total: BODY.length })
    expect(thread.isRunning).toBe(true)
  })

  it('keeps the error codes: a 404 is RELEASE_NOT_FOUND naming the URL', async () => {
    server.misbehave('not-found')
    const error = await newThread()
      .download(request('missing.bin'))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EngineError)
    expect((error as EngineError).code).toBe('RELEASE_NOT_FOUND')
    expect((error as EngineError).message).toMatch(/the test body is not on 127\.0\.0\.1/)
    expect((error as EngineError).detail?.url).toBe(`${server.base}/v9.9.9/body.bin`)
  })

  it('cancels a running download, closes its file, and serves the next one', async () => {
    server.misbehave('slow')
    const thread = newThread()
    const controller = new AbortController()
    const file = join(dir, 'cancelled.bin')
    const running = thread.download(
      request('cancelled.bin', {
        signal: controller.signal,
        onBytes: (received) => received > 0 && controller.abort(),
      }),
    )
    const error = (await running.catch((e: unknown) => e)) as EngineError
    expect(error.code).toBe('DOWNLOAD_CANCELLED')
    expect(error.message).toMatch(/the test body was cancelled/)
    expect(openFiles()).not.toContain(file)
    server.misbehave('none')
    await expect(thread.download(request('after-cancel.bin'))).resolves.toEqual({
      bytes: BODY.length,
    })
  })

  it('ends the thread after idleMs, and starts it again for the next download', async () => {
    const thread = newThread({ idleMs: 100 })
    await thread.download(request('idle-1.bin'))
    expect(
      await waitFor(
        () => thread.isRunning,
        (isRunning) => !isRunning,
        5_000,
      ),
    ).toBe(false)
    await expect(thread.download(request('idle-2.bin'))).resolves.toEqual({ bytes: BODY.length })
  })

  it('close() cancels a running download, releases its file and refuses new ones', async () => {
    server.misbehave('slow')
    const thread = newThread()
    const file = join(dir, 'closed.bin')
    let hasStarted = (): void => undefined
    const started = new Promise<void>((resolve) => (hasStarted = resolve))
    const running = thread.download(request('closed.bin', { onBytes: () => hasStarted() }))
    const outcome = running.catch((e: unknown) => e)
    await started
    await thread.close()
    expect(await outcome).toMatchObject({ code: 'DOWNLOAD_CANCELLED' })
    expect(openFiles()).not.toContain(file)
    expect(thread.isRunning).toBe(false)
    await expect(thread.download(request('refused.bin'))).rejects.toMatchObject({
      code: 'DOWNLOAD_CANCELLED',
      message: expect.stringMatching(/shutting down/),
    })
  })

  it('a thread that dies gives DOWNLOAD_FAILED naming the download and why', async () => {
    const script = join(dir, 'dies.mjs')
    writeFileSync(script, 'process.exit(7)\n')
    const error = (await newThread({ script })
      .download(request('never.bin'))
      .catch((e: unknown) => e)) as EngineError
    expect(error.code).toBe('DOWNLOAD_FAILED')
    expect(error.message).toMatch(
      /the test body stopped: .*thread ended unexpectedly \(exit code 7\)/,
    )
  })
})

describe('the built download worker', () => {
  beforeAll(() => {
    // `npm test` on a fresh clone has no build yet; CI builds before testing.
    if (!existsSync(builtWorker))
      execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' })
  }, 180_000)

  it('downloads and reports errors like the source one', async () => {
    const thread = newThread({ script: builtWorker })
    await expect(thread.download(request('built.bin'))).resolves.toEqual({ bytes: BODY.length })
    expect(readFileSync(join(dir, 'built.bin')).equals(BODY)).toBe(true)
    server.misbehave('not-found')
    await expect(thread.download(request('built-404.bin'))).rejects.toMatchObject({
      code: 'RELEASE_NOT_FOUND',
    })
  })
})
