/**
 * A TLS cluster end to end: created by clicking "Secure with TLS", a key saved in the window,
 * then read back by etcdctl in a shell exactly as the Commands tab shows it (with the cluster's
 * CA and the client certificate made for etcdctl).
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './harness/chromium'
import { closeCleanly, launchers, type LaunchedApp } from './harness/launchers'

const execFileAsync = promisify(execFile)

for (const launcher of launchers()) {
  describe.skipIf(launcher.skipReason !== null)(`a TLS cluster (${launcher.name})`, () => {
    let app: LaunchedApp

    beforeAll(async () => {
      app = await launcher.launch('e2e-tls')
    }, 180_000)

    afterAll(() => closeCleanly(app))

    it('creates a 3-member cluster with Secure with TLS', async () => {
      const { page } = app
      await page.getByRole('button', { name: 'Create cluster' }).first().click()
      const dialog = page.getByRole('dialog', { name: 'Create cluster' })
      await dialog.getByLabel('Client port of etcd1').waitFor()
      await dialog.getByLabel('Name', { exact: true }).fill('secure')
      await dialog.getByText('Advanced options').click()
      await dialog.getByLabel('Secure with TLS').check()
      await screenshot(page, `${launcher.name}-17-tls-create`)
      await dialog.getByRole('button', { name: 'Create', exact: true }).click()
      await dialog.waitFor({ state: 'detached', timeout: 60_000 })
      await page.getByText('leader', { exact: false }).first().waitFor({ timeout: 20_000 })
      await page
        .getByText(/https:\/\/127\.0\.0\.1:\d+/)
        .first()
        .waitFor()
    })

    it('saves a key in the window that etcdctl reads with the shown certificate files', async () => {
      const { page } = app
      await page.getByRole('tab', { name: 'Keys' }).click()
      await page.getByRole('button', { name: 'New key' }).click()
      await page.getByLabel('Key', { exact: true }).fill('/e2e/tls')
      await page.getByLabel('Value', { exact: true }).fill('over mutual TLS')
      await page.getByRole('button', { name: 'Save' }).click()
      await page.getByRole('tab', { name: 'Commands' }).click()
      await page
        .getByText(/--cert-file=.*server\.crt/)
        .first()
        .waitFor()
      const shown = await page
        .locator('.command')
        .filter({ hasText: 'Members: IDs, names, peer and client URLs' })
        .locator('pre')
        .innerText()
      expect(shown).toMatch(/--cacert=\S+ca\.crt --cert=\S+etcdctl\.crt --key=\S+etcdctl\.key/)
      await screenshot(page, `${launcher.name}-18-tls-commands`)
      const certificates = page.getByRole('table', { name: 'Certificates' })
      await certificates.getByRole('rowheader', { name: 'etcd1 peer' }).waitFor()
      await certificates.getByLabel('etcd1 peer: no problem found').waitFor()
      await certificates.scrollIntoViewIfNeeded()
      await screenshot(page, `${launcher.name}-19-tls-certificates`)
      // The shown command, with "get" in place of "member list".
      const get = shown.replace(/member list -w table\s*$/, 'get /e2e/tls --print-value-only')
      const { stdout } = await execFileAsync('bash', ['-c', get], { timeout: 20_000 })
      expect(stdout).toBe('over mutual TLS\n')
    })
  })
}
