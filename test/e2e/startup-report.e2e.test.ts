/**
 * After a crash of etcd Desk: the members it left running are adopted by the next start, and the
 * window says so once — a notice that can be dismissed and stays dismissed across a reload.
 * Browser mode only (the Electron binary cannot be downloaded here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { crashEngineWithCluster } from '../helpers/crash-engine'
import { freeSpec } from '../helpers/engine-fixture'
import { findEtcdProcesses } from '../helpers/etcd-processes'
import { startBrowserMode, type BrowserModeServer } from './harness/browser-mode'
import { openPage, screenshot, type OpenPage } from './harness/chromium'

let server: BrowserModeServer
let opened: OpenPage

beforeAll(async () => {
  const dataDir = await crashEngineWithCluster('e2e-crash', await freeSpec('survivor', 1))
  expect(findEtcdProcesses(dataDir)).toHaveLength(1)
  server = await startBrowserMode('e2e-after-crash', {}, dataDir)
  opened = await openPage(server.url)
})

afterAll(async () => {
  await opened?.close()
  // Ctrl-C stops the adopted members like quitting the app does.
  expect(await server?.stop()).toBe(0)
  if (server) expect(findEtcdProcesses(server.dataDir)).toEqual([])
})

describe('the start after a crash', () => {
  it('says once which members it adopted, until dismissed', async () => {
    const { page } = opened
    const notice = page.getByRole('status', { name: 'What etcd Desk found at start-up' })
    await notice
      .getByText('Adopted 1 member of cluster survivor still running from the last run.')
      .waitFor({ timeout: 20_000 })
    await page.getByRole('table', { name: 'Members of survivor' }).waitFor()
    await screenshot(page, 'browser-10-startup-report')

    await notice.getByRole('button', { name: 'Dismiss' }).click()
    await expect.poll(() => notice.count()).toBe(0)
    await page.reload()
    await page.getByRole('table', { name: 'Members of survivor' }).waitFor({ timeout: 20_000 })
    // Settings asks app:info after the desk did, on the same socket: once it shows the engine
    // log, the desk has had its answer, start-up report included, and still shows no notice.
    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByText(`${server.dataDir}/engine.log`).waitFor({ timeout: 20_000 })
    expect(await notice.count()).toBe(0)
    expect(opened.pageErrors).toEqual([])
  })
})
