/**
 * Discovery bootstrap end to end (README "Discovery"): a 3-member cluster created by clicking
 * Bootstrap → Discovery starts through a local discovery etcd; Keys → Discovery registry shows
 * the token's size and the three members that registered; the Commands tab shows the discovery
 * etcd's command line and each member's --discovery flag instead of --initial-cluster. Nothing
 * is left running afterwards, the discovery etcd included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './harness/chromium'
import { closeCleanly, launchers, type LaunchedApp } from './harness/launchers'

/** The v2 discovery URL the members get: the discovery etcd's client URL and the token. */
const DISCOVERY_URL =
  /--discovery=http:\/\/127\.0\.0\.1:\d+\/v2\/keys\/_etcd\/registry\/[0-9a-f-]{36}/

for (const launcher of launchers()) {
  describe.skipIf(launcher.skipReason !== null)(`discovery bootstrap (${launcher.name})`, () => {
    let app: LaunchedApp

    beforeAll(async () => {
      app = await launcher.launch('e2e-discovery')
    }, 180_000)

    // No process left: the members and the discovery etcd (under the data directory too).
    afterAll(() => closeCleanly(app))

    it('creates a 3-member cluster with Bootstrap = Discovery and it runs', async () => {
      const { page } = app
      await page.getByRole('button', { name: 'Create cluster' }).first().click()
      const dialog = page.getByRole('dialog', { name: 'Create cluster' })
      await dialog.getByLabel('Client port of etcd3').waitFor()
      await dialog.getByLabel('Name', { exact: true }).fill('found')
      await dialog.getByText('Advanced options').click()
      const bootstrap = dialog.getByRole('group', { name: 'Bootstrap' })
      await bootstrap.getByRole('radio', { name: 'Discovery' }).check()
      await screenshot(page, `discovery-01-${launcher.name}-create`)
      await dialog.getByRole('button', { name: 'Create', exact: true }).click()
      await dialog.waitFor({ state: 'detached', timeout: 60_000 })
      await page.getByRole('heading', { name: 'found running' }).waitFor({ timeout: 20_000 })
      // The header names the leader once every member runs and the status poll found one.
      await page.getByText(/· leader etcd\d/).waitFor({ timeout: 20_000 })
    })

    it('shows the registry: the size and the three members that registered', async () => {
      const { page } = app
      await page.getByRole('tab', { name: 'Keys' }).click()
      const source = page.getByRole('group', { name: 'Key source' })
      await source.getByRole('button', { name: 'Discovery registry' }).click()
      const table = page.getByRole('table', { name: 'Discovery registry keys' })
      await table.waitFor()
      await page.getByText('3 of 3 members registered: the cluster is complete.').waitFor()
      await expect.poll(() => table.getByRole('row').count()).toBe(5)
      await table.getByText('Cluster size: 3').waitFor()
      for (const member of ['etcd1', 'etcd2', 'etcd3']) {
        await table
          .getByText(new RegExp(`^Member ${member}, peer URL http://127\\.0\\.0\\.1:\\d+$`))
          .waitFor()
      }
      const keys = await table.getByRole('rowheader').allInnerTexts()
      expect(keys[0]).toMatch(/^\/_etcd\/registry\/[0-9a-f-]{36}\/_config\/size$/)
      for (const key of keys.slice(1))
        expect(key).toMatch(/^\/_etcd\/registry\/[0-9a-f-]{36}\/[0-9a-f]+$/)
      await screenshot(page, `discovery-02-${launcher.name}-registry`)
    })

    it('shows the discovery etcd and the members with --discovery in the Commands tab', async () => {
      const { page } = app
      await page.getByRole('tab', { name: 'Commands' }).click()
      const discoveryEtcd = page
        .locator('.command')
        .filter({ hasText: 'The discovery etcd' })
        .locator('pre')
      await discoveryEtcd.waitFor()
      const etcdLine = await discoveryEtcd.innerText()
      expect(etcdLine).toContain('--name=discovery')
      expect(etcdLine).toContain('--enable-v2=true')
      for (const member of ['etcd1', 'etcd2', 'etcd3']) {
        const line = await page
          .locator('.command')
          .filter({ has: page.getByText(member, { exact: true }) })
          .locator('pre')
          .innerText()
        expect(line).toMatch(DISCOVERY_URL)
        expect(line).not.toContain('--initial-cluster=')
      }
      await page.getByRole('heading', { name: 'Discovery' }).scrollIntoViewIfNeeded()
      await screenshot(page, `discovery-03-${launcher.name}-commands`)
    })
  })
}
