/**
 * Browser mode's diagnosis downloads: only with the token, only of a bundle's file name inside the
 * diagnosis folder; and the folder keeps the newest bundles only.
 */
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import { startWebServer, type WebServer } from '../../../src/main/web/web-server'
import { diagnosisDownloadUrl } from '../../../src/shared/diagnosis'
import { openTestEngine } from '../../helpers/engine-fixture'
import { freePort } from '../../helpers/free-port'
import { makeFakeUi } from '../transport/transport-fixtures'

let engine: Engine
let server: WebServer
let base: string
const NAME = 'demo-diagnosis-20261201T000000Z.tar.gz'
const BYTES = Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3])

beforeAll(async () => {
  engine = await openTestEngine('diagnosis-web')
  server = await startWebServer({ engine, rendererDir: makeFakeUi(), port: await freePort() })
  base = `http://127.0.0.1:${server.port}`
  mkdirSync(engine.diagnosis.files.dir, { recursive: true })
  writeFileSync(join(engine.diagnosis.files.dir, NAME), BYTES)
})

afterAll(async () => {
  await server?.close()
  await engine?.close()
})

const page = () => ({ search: `?token=${server.token}`, hash: '' })

describe("browser mode's diagnosis download", () => {
  it('sends a bundle as an attachment, only with the token', async () => {
    expect((await fetch(`${base}/diagnosis/${NAME}`)).status).toBe(401)
    const answer = await fetch(`${base}${diagnosisDownloadUrl(page(), NAME)}`)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/octet-stream')
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="${NAME}"`)
    expect(Buffer.from(await answer.arrayBuffer())).toEqual(BYTES)
  })

  it('answers 404 for names that are not bundles in its folder', async () => {
    writeFileSync(join(engine.layout.root, 'secret.tar.gz'), BYTES)
    for (const name of [
      'missing.tar.gz',
      '../engine.log',
      '..%2Fsecret.tar.gz',
      '%2E%2E%2Fsecret.tar.gz',
      'a..b.tar.gz',
      'demo.jsonl',
      '%E0%A4%A',
    ]) {
      const answer = await fetch(`${base}/diagnosis/${name}?token=${server.token}`)
      expect(answer.status, name).toBe(404)
    }
  })

  it('keeps the newest five bundles', async () => {
    const dir = engine.diagnosis.files.dir
    const names = Array.from({ length: 7 }, (_, i) => `old-diagnosis-2026120${i}T000000Z.tar.gz`)
    names.forEach((name, i) => {
      writeFileSync(join(dir, name), BYTES)
      // Newer than the test's first bundle, one minute apart.
      const at = new Date(Date.now() + (i + 1) * 60_000)
      utimesSync(join(dir, name), at, at)
    })
    await engine.diagnosis.files.prune()
    // The oldest two of the seven go, and the test's first bundle (older still).
    expect(readdirSync(dir).sort()).toEqual(names.slice(2).sort())
  })
})
