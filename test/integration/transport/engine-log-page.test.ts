import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import { startWebServer, type WebServer } from '../../../src/main/web/web-server'
import { ENGINE_LOG_PATH, engineLogUrl } from '../../../src/shared/ws-url'
import { ENGINE_WAIT, openTestEngine } from '../../helpers/engine-fixture'
import { freePort } from '../../helpers/free-port'
import { makeFakeUi } from './transport-fixtures'

let engine: Engine
let server: WebServer
let base: string

beforeAll(async () => {
  engine = await openTestEngine('engine-log-page')
  server = await startWebServer({ engine, rendererDir: makeFakeUi(), port: await freePort() })
  base = `http://127.0.0.1:${server.port}`
})

afterAll(async () => {
  await server?.close()
  await engine?.close()
})

describe("browser mode's engine log link", () => {
  it('shows the engine log as plain text, only with the token', async () => {
    expect((await fetch(`${base}${ENGINE_LOG_PATH}`)).status).toBe(401)
    expect((await fetch(`${base}${ENGINE_LOG_PATH}?token=wrong`)).status).toBe(401)
    const link = engineLogUrl({ search: `?token=${server.token}`, hash: '' })
    await vi.waitFor(async () => {
      const page = await fetch(`${base}${link}`)
      expect(page.status).toBe(200)
      expect(page.headers.get('content-type')).toBe('text/plain; charset=utf-8')
      expect(page.headers.get('x-content-type-options')).toBe('nosniff')
      expect(await page.text()).toContain('"msg":"engine opened"')
    }, ENGINE_WAIT)
  })
})
