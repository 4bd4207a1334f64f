import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import { startWebServer, type WebServer } from '../../../src/main/web/web-server'
import { snapshotDownloadUrl } from '../../../src/shared/ws-url'
import { openTestEngine } from '../../helpers/engine-fixture'
import { freePort } from '../../helpers/free-port'
import { makeFakeUi } from './transport-fixtures'

let engine: Engine
let server: WebServer
let base: string
const content = Buffer.from('not really a snapshot, but served as bytes')

beforeAll(async () => {
  engine = await openTestEngine('snapshot-download')
  server = await startWebServer({ engine, rendererDir: makeFakeUi(), port: await freePort() })
  base = `http://127.0.0.1:${server.port}`
  mkdirSync(engine.layout.snapshotsDir, { recursive: true })
  writeFileSync(join(engine.layout.snapshotsDir, 'demo-etcd1-20261201-072720.db'), content)
})

afterAll(async () => {
  await server?.close()
  await engine?.close()
})

describe("browser mode's snapshot download", () => {
  const link = (id: string) =>
    snapshotDownloadUrl({ search: `?token=${server.token}`, hash: '' }, id)

  it('sends a saved snapshot as an attachment, only with the token', async () => {
    const id = 'demo-etcd1-20261201-072720.db'
    expect((await fetch(`${base}/snapshots/${id}`)).status).toBe(401)
    const answer = await fetch(`${base}${link(id)}`)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/octet-stream')
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="${id}"`)
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await answer.arrayBuffer())).toEqual(content)
  })

  it('answers 404 for unknown snapshots and for names that are not snapshot ids', async () => {
    for (const id of [
      'missing.db',
      '../engine.log',
      '..%2Fetcd-desk.json',
      'x.db/../../engine.log',
    ]) {
      const answer = await fetch(`${base}/snapshots/${id}?token=${server.token}`)
      expect(answer.status, id).toBe(404)
      expect(await answer.text()).not.toContain('engine opened')
    }
  })
})
