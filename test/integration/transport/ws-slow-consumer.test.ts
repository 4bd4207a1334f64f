/**
 * A browser-mode client that stops reading (a frozen tab) must not make the engine queue its
 * messages for ever: once more than the limit is buffered for it, the next push drops it. The
 * engine, its clusters and the other clients carry on. The limit is lowered from 64 MiB to 1 MiB
 * here so the test moves megabytes, not hundreds of them.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { WebSocket } from 'ws'
import type { Engine } from '../../../src/main/engine/engine'
import { startWebServer, type WebServer } from '../../../src/main/web/web-server'
import type { ClusterStatus } from '../../../src/shared/cluster'
import { decodeWire, encodeWire } from '../../../src/shared/wire-codec'
import { createWebSocketApi, type WebSocketApi } from '../../../src/shared/ws-client'
import { freeSpec, openTestEngine, waitHealthy } from '../../helpers/engine-fixture'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import { freePort } from '../../helpers/free-port'
import { makeFakeUi, nodeSocketFactory } from './transport-fixtures'
import { rawText } from '../../../src/main/web/raw-text'

const LIMIT_BYTES = 1024 * 1024
/** A value of 1 MiB: each keys:get answer is ~1.4 MiB of base64 JSON. */
const VALUE = new Uint8Array(1024 * 1024).fill(0x61)
const KEY = new TextEncoder().encode('/big')
/**
 * Why 48 answers (~67 MiB): more than loopback TCP can hold in kernel buffers (send ≤ 4 MiB and
 * receive ≤ 32 MiB here), so megabytes stay queued in the server for the paused client.
 */
const GETS = 48
/** Why 20 s: the drop happens at the next status push (every second) after the queue grows. */
const DROP_WAIT = { timeout: 20_000, interval: 50 }

let engine: Engine
let server: WebServer
let healthy: WebSocketApi
const statuses: ClusterStatus[] = []

beforeAll(async () => {
  engine = await openTestEngine('ws-slow')
  await engine.createCluster(await freeSpec('slow', 1))
  await waitHealthy(engine, 'slow')
  await engine.keys.put('slow', KEY, VALUE)
  const port = await freePort()
  server = await startWebServer({
    engine,
    rendererDir: makeFakeUi(),
    port,
    maxBufferedBytes: LIMIT_BYTES,
  })
  healthy = createWebSocketApi(
    `ws://127.0.0.1:${port}/api?token=${server.token}`,
    nodeSocketFactory(`http://127.0.0.1:${port}`),
  )
  healthy.api.subscribe('status:update', (status) => statuses.push(status))
})

afterAll(async () => {
  healthy?.dispose()
  await server?.close()
  await engine?.close()
  expect(findEtcdProcesses(engine.layout.root)).toEqual([])
})

/** The engine log's records with `msg`, read from the real file. */
function engineLogRecords(msg: string): Record<string, unknown>[] {
  return readFileSync(engine.layout.engineLogFile, 'utf8')
    .split('\n')
    .filter((line) => line.includes(msg))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

describe('a browser-mode client that stops reading', () => {
  it('is dropped once its queue passes the limit; the engine and other clients carry on', async () => {
    const slow = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${server.token}`)
    await new Promise((resolve) => slow.once('open', resolve))
    const answers: unknown[] = []
    // Answers only: pushes (status, timeline) reach every session too, at their own times.
    slow.on('message', (data) => {
      const message = decodeWire(rawText(data)) as object
      if ('id' in message) answers.push(message)
    })
    const closed = new Promise<number>((resolve) => slow.once('close', resolve))
    // A watch the session owns: dropping the client must close it in the engine too.
    slow.send(encodeWire({ id: 0, channel: 'keys:watch', arg: { cluster: 'slow', prefix: KEY } }))
    await vi.waitFor(() => expect(answers).toHaveLength(1))
    const { watchId } = (answers[0] as { result: { value: { watchId: string } } }).result.value

    slow.pause() // a frozen tab: it still sends, it no longer reads
    for (let id = 1; id <= GETS; id++) {
      slow.send(encodeWire({ id, channel: 'keys:get', arg: { cluster: 'slow', key: KEY } }))
    }
    const drop = 'browser-mode client dropped'
    await vi.waitFor(() => expect(engineLogRecords(drop)).toHaveLength(1), DROP_WAIT)
    const [record] = engineLogRecords(drop)
    expect(record).toMatchObject({ level: 'warn', maxBufferedBytes: LIMIT_BYTES })
    expect(record!.bufferedBytes).toBeGreaterThan(LIMIT_BYTES)

    // The client sees an abnormal close (no close frame) once it reads again, short of answers.
    slow.resume()
    expect(await closed).toBe(1006)
    expect(answers.length).toBeLessThan(GETS + 1)

    // The other client is still connected, still answered and still pushed to.
    expect(healthy.state()).toBe('connected')
    const got = await healthy.api.request('keys:get', { cluster: 'slow', key: KEY })
    expect(got.ok && got.value.valueSize).toBe(VALUE.length)
    // The dropped client's watch was closed with its session; the other client's watch works.
    await vi.waitFor(() => expect(engine.keys.hasWatch(watchId)).toBe(false))
    const watched: string[] = []
    const offPush = healthy.api.subscribe('keys:events', (push) => watched.push(push.watchId))
    const own = await healthy.api.request('keys:watch', { cluster: 'slow', prefix: KEY })
    expect(own.ok).toBe(true)
    await engine.keys.put('slow', new TextEncoder().encode('/big-after'), VALUE.subarray(0, 1))
    const ownId = own.ok ? own.value.watchId : ''
    await vi.waitFor(() => expect(watched).toEqual([ownId]), DROP_WAIT)
    offPush()
    const seen = statuses.length
    await vi.waitFor(() => expect(statuses.length).toBeGreaterThan(seen), DROP_WAIT)
    expect(statuses.at(-1)).toMatchObject({ cluster: 'slow', healthyCount: 1 })
    expect(engine.getCluster('slow').state).toBe('running')
    expect(engineLogRecords(drop)).toHaveLength(1) // only the slow client was dropped
  })
})
