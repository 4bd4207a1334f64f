/**
 * Browser mode's import uploads and export downloads: only with the token in the URL (never the
 * cookie alone, never from another origin), stored under a name the engine makes, bounded; a
 * download only of an export's file name.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import { startWebServer, type WebServer } from '../../../src/main/web/web-server'
import type { Result } from '../../../src/shared/result'
import type { ImportFileView } from '../../../src/shared/transfer'
import { exportDownloadUrl, importUploadUrl } from '../../../src/shared/transfer-urls'
import { openTestEngine } from '../../helpers/engine-fixture'
import { freePort } from '../../helpers/free-port'
import { makeFakeUi } from './transport-fixtures'

let engine: Engine
let server: WebServer
let base: string
const HEADER = {
  format: 'etcd-desk-export',
  version: 1,
  cluster: 'demo',
  revision: '5',
  prefix: '',
  count: 1,
  exportedAt: '2026-12-01T00:00:00.000Z',
}
const FILE = `${JSON.stringify(HEADER)}\n{"key":"YQ==","value":"Yg=="}\n`
const EXPORT_NAME = 'demo-all-20261201T000000Z.jsonl'

beforeAll(async () => {
  engine = await openTestEngine('transfer-web')
  server = await startWebServer({ engine, rendererDir: makeFakeUi(), port: await freePort() })
  base = `http://127.0.0.1:${server.port}`
  mkdirSync(engine.transfers.files.exportsDir, { recursive: true })
  writeFileSync(join(engine.transfers.files.exportsDir, EXPORT_NAME), FILE)
})

afterAll(async () => {
  await server?.close()
  await engine?.close()
})

const page = () => ({ search: `?token=${server.token}`, hash: '' })

describe("browser mode's import upload", () => {
  it('stores the upload under a name of its own and answers its handle', async () => {
    const answer = await fetch(`${base}${importUploadUrl(page(), '../../evil name.jsonl')}`, {
      method: 'POST',
      body: FILE,
    })
    expect(answer.status).toBe(200)
    const result = (await answer.json()) as Result<ImportFileView>
    expect(result).toMatchObject({ ok: true, value: { name: '../../evil name.jsonl' } })
    if (!result.ok) return
    expect(result.value.header).toMatchObject({ cluster: 'demo', count: 1 })
    const stored = readdirSync(engine.transfers.files.importsDir)
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatch(/^[0-9a-f-]{36}\.jsonl$/)
    expect(readFileSync(join(engine.transfers.files.importsDir, stored[0] ?? ''), 'utf8')).toBe(
      FILE,
    )
    expect(engine.transfers.files.resolve(result.value.fileId).path).toContain('transfers')
  })

  it('is refused without the token in the URL, from another origin, or when not an export', async () => {
    const cookie = `etcd-desk-token-${server.port}=${server.token}`
    const noToken = await fetch(`${base}/imports?name=x`, {
      method: 'POST',
      body: FILE,
      headers: { cookie },
    })
    expect(noToken.status).toBe(401)
    const foreign = await fetch(`${base}${importUploadUrl(page(), 'x')}`, {
      method: 'POST',
      body: FILE,
      headers: { origin: 'http://evil.example' },
    })
    expect(foreign.status).toBe(403)
    const invalid = await fetch(`${base}${importUploadUrl(page(), 'x')}`, {
      method: 'POST',
      body: 'hello\n',
    })
    expect(invalid.status).toBe(400)
    expect(await invalid.json()).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_FILE_INVALID', detail: { line: 1 } },
    })
    // Refused bodies leave nothing behind (the one file is the first test's).
    expect(readdirSync(engine.transfers.files.importsDir)).toHaveLength(1)
  })
})

describe("browser mode's export download", () => {
  it('sends an export as an attachment, only with the token', async () => {
    expect((await fetch(`${base}/exports/${EXPORT_NAME}`)).status).toBe(401)
    const answer = await fetch(`${base}${exportDownloadUrl(page(), EXPORT_NAME)}`)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/octet-stream')
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="${EXPORT_NAME}"`)
    expect(await answer.text()).toBe(FILE)
  })

  it('answers 404 for names that are not export files', async () => {
    for (const name of ['missing.jsonl', '../engine.log', '..%2Fetcd-desk.json', 'a..b.jsonl']) {
      const answer = await fetch(`${base}/exports/${name}?token=${server.token}`)
      expect(answer.status, name).toBe(404)
    }
  })
})
