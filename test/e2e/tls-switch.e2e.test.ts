/**
 * TLS turned on for a running plain cluster by clicking (Commands tab, "Enable TLS"), then its
 * certificates rotated: each a confirmation, then a report of every member restart and of what
 * the write probe saw; afterwards the members' URLs are https.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './harness/chromium'
import { closeCleanly, launchers, type LaunchedApp } from './harness/launchers'

/** Why 120 s: nine member restarts, each a few seconds with catch-up, on a busy 2-core box. */
const SWITCH_TIMEOUT_MS = 120_000

for (const launcher of launchers()) {
  describe.skipIf(launcher.skipReason !== null)(`Enable TLS by clicking (${launcher.name})`, () => {
    let app: LaunchedApp

    beforeAll(async () => {
      app = await launcher.launch('e2e-tls-switch')
    }, 180_000)

    afterAll(() => closeCleanly(app))

    it('turns TLS on for a running cluster, member by member, and reports the probe', async () => {
      const { page } = app
      await page.getByRole('button', { name: 'Create cluster' }).first().click()
      const create = page.getByRole('dialog', { name: 'Create cluster' })
      await create.getByLabel('Client port of etcd1').waitFor()
      await create.getByLabel('Name', { exact: true }).fill('later')
      await create.getByRole('button', { name: 'Create', exact: true }).click()
      await create.waitFor({ state: 'detached', timeout: 60_000 })
      await page.getByText('leader', { exact: false }).first().waitFor({ timeout: 20_000 })

      await page.getByRole('tab', { name: 'Commands' }).click()
      await page.getByRole('button', { name: 'Enable TLS' }).click()
      const confirm = page.getByRole('dialog', { name: 'Enable TLS on later?' })
      await confirm.getByText(/every member restarts three times/).waitFor()
      await screenshot(page, `${launcher.name}-20-tls-enable-confirm`)
      await confirm.getByRole('button', { name: 'Enable TLS' }).click()
      const report = page.getByLabel('TLS enabled', { exact: true })
      await report.waitFor({ timeout: SWITCH_TIMEOUT_MS })
      await expect
        .poll(() => report.getByText(/Write probe meanwhile/).innerText())
        // 0 nearly always; at most one write past the 1 s deadline on a loaded CI box (see
        // test/integration/tls/tls-switch.test.ts).
        .toMatch(/Write probe meanwhile: \d+ writes succeeded, [01] failed\./)
      const restarts = page.getByRole('table', { name: 'TLS enabled: member restarts' })
      expect(await restarts.getByRole('row').count()).toBe(1 + 9)
      await report.scrollIntoViewIfNeeded()
      await screenshot(page, `${launcher.name}-21-tls-enabled`)

      // The certificates of the cluster now, and the members' https URLs.
      await page.getByRole('table', { name: 'Certificates' }).waitFor()
      await page.getByRole('tab', { name: 'Members' }).click()
      await page
        .getByText(/https:\/\/127\.0\.0\.1:\d+/)
        .first()
        .waitFor()
    })

    it('rotates the certificates after asking', async () => {
      const { page } = app
      await page.getByRole('tab', { name: 'Commands' }).click()
      await page.getByRole('button', { name: 'Rotate certificates' }).click()
      const confirm = page.getByRole('dialog', { name: 'Rotate the certificates of later?' })
      await confirm.getByRole('button', { name: 'Rotate certificates' }).click()
      const report = page.getByLabel('Certificates rotated', { exact: true })
      await report.waitFor({ timeout: SWITCH_TIMEOUT_MS })
      expect(await report.getByText(/Write probe meanwhile/).innerText()).toMatch(/, 0 failed\./)
      await report.scrollIntoViewIfNeeded()
      await screenshot(page, `${launcher.name}-22-certificates-rotated`)
    })
  })
}
