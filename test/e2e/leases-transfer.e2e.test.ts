/**
 * Leases and import/export end to end, in browser mode: a lease granted in the Leases tab with a
 * key put on it, the key viewer's lease link, keep-alive once; a prefix exported (downloaded),
 * the lease revoked (its key goes), then the downloaded file uploaded, previewed and imported.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './harness/chromium'
import { etcdctlAt } from './harness/etcdctl'
import { closeCleanly, launchers, type LaunchedApp } from './harness/launchers'
import { createClusterByClicking } from './harness/create-by-clicking'

/** Shows a tab of the cluster's workspace and answers its panel. */
async function showTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click()
  return page.getByRole('tabpanel', { name })
}

// Browser mode only: its upload and download are what this spec drives (the app uses dialogs).
const browser = launchers().find((l) => l.name === 'browser')

describe.skipIf(!browser)('leases and import/export (browser)', () => {
  let app: LaunchedApp
  let endpoint = ''
  let exported = ''
  let exportedName = ''

  /** etcdctl against the cluster, as a user types it. */

  const etcdctl = etcdctlAt(() => endpoint)

  beforeAll(async () => {
    app = await (browser as NonNullable<typeof browser>).launch('e2e-leases-transfer')
  }, 180_000)

  afterAll(() => closeCleanly(app))

  it('creates a 1-member cluster and a plain key', async () => {
    const { page } = app
    ;[endpoint] = (await createClusterByClicking(page, app.dataDir, {
      name: 'xfer',
      members: 1,
    })) as [string]
    await etcdctl('put', '/e2e/plain', 'plain value')
  })

  it('grants a lease, puts a key on it and keeps it alive once', async () => {
    const { page } = app
    const leases = await showTab(page, 'Leases')
    await leases.getByLabel('TTL (seconds)').fill('600')
    await leases.getByRole('button', { name: 'Grant lease' }).click()
    const detail = leases.getByRole('region', { name: /^Lease [0-9a-f]+$/ })
    await detail.waitFor({ timeout: 20_000 })
    await detail.getByLabel('Key', { exact: true }).fill('/e2e/leased')
    await detail.getByLabel('Value', { exact: true }).fill('held by a lease')
    await detail.getByRole('button', { name: 'Put key with this lease' }).click()
    await detail
      .getByRole('list', { name: /Keys attached to lease/ })
      .getByText('/e2e/leased')
      .waitFor()
    await detail.getByRole('button', { name: 'Keep alive once' }).click()
    const table = leases.getByRole('table', { name: 'Leases' })
    await table.getByText('/e2e/leased').waitFor({ timeout: 20_000 })
    expect(await etcdctl('lease', 'list')).toContain('found 1 leases')
    await screenshot(page, 'browser-leases-01-granted')
    await detail.getByRole('button', { name: 'Close lease' }).click()
    await detail.waitFor({ state: 'detached' })
  })

  it("opens the lease from the key viewer's link", async () => {
    const { page } = app
    const keys = await showTab(page, 'Keys')
    await keys
      .getByRole('button', { name: /\/e2e\/leased/ })
      .first()
      .click()
    await keys.getByRole('button', { name: /^Open lease [0-9a-f]+$/ }).click()
    const leases = page.getByRole('tabpanel', { name: 'Leases' })
    await leases.getByRole('region', { name: /^Lease [0-9a-f]+$/ }).waitFor()
    await screenshot(page, 'browser-leases-02-from-key')
  })

  it('exports the prefix and downloads the file', async () => {
    const { page } = app
    const transfer = await showTab(page, 'Import/Export')
    await transfer.getByLabel('Prefix to export').fill('/e2e/')
    await transfer.getByRole('checkbox', { name: 'Include lease TTLs' }).check()
    await transfer.getByRole('button', { name: 'Export', exact: true }).click()
    const link = transfer.getByRole('link', { name: /^Download xfer-/ })
    await link.waitFor({ timeout: 20_000 })
    await screenshot(page, 'browser-export-01-exported')
    const downloading = page.waitForEvent('download')
    await link.click()
    const download = await downloading
    exported = await download.path()
    exportedName = download.suggestedFilename()
    const lines = readFileSync(exported, 'utf8').trimEnd().split('\n')
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ cluster: 'xfer', count: 2 })
    expect(lines).toHaveLength(3)
  })

  it('revokes the lease after asking: its key is deleted', async () => {
    const { page } = app
    const leases = await showTab(page, 'Leases')
    const detail = leases.getByRole('region', { name: /^Lease [0-9a-f]+$/ })
    await detail.getByRole('button', { name: 'Revoke…' }).click()
    const dialog = page.getByRole('dialog', { name: /^Revoke lease/ })
    await dialog.getByRole('button', { name: 'Revoke lease' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => etcdctl('get', '/e2e/leased'), { timeout: 20_000 }).toBe('')
  })

  it('uploads the export, previews it and imports the missing key', async () => {
    const { page } = app
    const transfer = await showTab(page, 'Import/Export')
    await transfer.getByLabel('Import file', { exact: true }).setInputFiles({
      name: exportedName,
      mimeType: 'application/octet-stream',
      buffer: readFileSync(exported),
    })
    const preview = transfer.getByLabel('Import preview')
    await preview.waitFor({ timeout: 20_000 })
    expect(await preview.innerText()).toMatch(/New\s*1\s*Changed\s*0\s*Unchanged\s*1/)
    await screenshot(page, 'browser-export-02-preview')
    await transfer.getByRole('radio', { name: /Compare-and-swap/ }).check()
    await transfer.getByRole('button', { name: 'Import', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Import into xfer?' })
    await dialog.getByRole('button', { name: 'Import keys' }).click()
    await transfer.getByLabel('Import report').waitFor({ timeout: 20_000 })
    expect(await transfer.getByLabel('Import report').innerText()).toContain('1 created')
    expect(await etcdctl('get', '/e2e/leased', '--print-value-only')).toBe('held by a lease\n')
    await screenshot(page, 'browser-export-03-imported')
  })

  it('reported no page errors', () => {
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([])
    const errors = app.consoleErrors.filter((e) => !/favicon/i.test(e))
    expect(errors, errors.join('\n')).toEqual([])
  })
})
