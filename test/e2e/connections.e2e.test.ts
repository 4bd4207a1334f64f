/**
 * A cluster etcd Desk did not create — three etcd members the test starts itself, with mutual
 * TLS and authentication on — connected by clicking "Connect to cluster": tested in plain words,
 * saved read-only, its members shown with their own status, its keys browsed, a write refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSecuredCluster, type SecuredCluster } from '../helpers/secured-plain-cluster'
import { screenshot } from './harness/chromium'
import { closeCleanly, launchers, type LaunchedApp } from './harness/launchers'

for (const launcher of launchers()) {
  describe.skipIf(launcher.skipReason !== null)(`Connect to cluster (${launcher.name})`, () => {
    let app: LaunchedApp
    let secured: SecuredCluster

    beforeAll(async () => {
      secured = await startSecuredCluster('e2e-connection')
      app = await launcher.launch('e2e-connections')
    }, 180_000)

    afterAll(async () => {
      await closeCleanly(app)
      await secured?.stop()
    })

    it('tests, saves and opens a connection to a TLS cluster with authentication', async () => {
      const { page } = app
      await page.getByRole('button', { name: 'Connect to cluster' }).click()
      const dialog = page.getByRole('dialog', { name: 'Connect to cluster' })
      await dialog.getByLabel('Name', { exact: true }).fill('team')
      await dialog.getByLabel('Endpoints').fill(secured.cluster.endpoints.join('\n'))
      await dialog.getByLabel('TLS').check()
      // A CA that did not sign the servers' certificates first: the test says so in words.
      await dialog.getByLabel('CA certificate file').fill(secured.files.otherCa)
      await dialog.getByLabel('Client certificate file').fill(secured.files.cert)
      await dialog.getByLabel('Client key file').fill(secured.files.key)
      await dialog.getByLabel('User name').fill('root')
      await dialog.getByLabel('Password').fill(secured.rootPassword)
      await dialog.getByRole('button', { name: 'Test connection' }).click()
      const test = dialog.getByRole('status', { name: 'Connection test' })
      await test
        .getByText(/unknown authority/)
        .first()
        .waitFor()
      await screenshot(page, `${launcher.name}-connect-01-unknown-authority`)
      await dialog.getByLabel('CA certificate file').fill(secured.files.caDer)
      await dialog.getByRole('button', { name: 'Test connection' }).click()
      await test.getByText(/^Connected: 3 members/).waitFor()
      expect(await test.getByText(/✓ etcd 3\./).count()).toBe(3)
      await screenshot(page, `${launcher.name}-connect-02-tested`)
      await dialog.getByRole('button', { name: 'Save' }).click()
      await dialog.waitFor({ state: 'detached' })

      const members = page.getByRole('table', { name: 'Members of the connected cluster' })
      await members.getByRole('cell', { name: 'leader' }).waitFor({ timeout: 20_000 })
      expect(await members.getByRole('row').count()).toBe(4)
      await screenshot(page, `${launcher.name}-connect-03-members`)
    })

    it('browses its keys and refuses a write while read-only', async () => {
      const { page } = app
      await page.getByRole('tab', { name: 'Keys' }).click()
      await page.getByText('/team/config').first().waitFor()
      await page.getByRole('button', { name: 'New key' }).click()
      await page.getByLabel('Key', { exact: true }).fill('/team/new')
      await page.getByLabel('Value', { exact: true }).fill('nope')
      await page.getByRole('button', { name: 'Save' }).click()
      await page.getByText('This connection is read-only').first().waitFor()
      await screenshot(page, `${launcher.name}-connect-04-read-only`)
      expect(await secured.etcdctl(`--user=root:${secured.rootPassword}`, 'get', '/team/new')).toBe(
        '',
      )
    })

    it('saves a snapshot while read-only, then compacts once writes are allowed, naming the cluster', async () => {
      const { page } = app
      await page.getByRole('tab', { name: 'Maintenance' }).click()
      await page.getByRole('button', { name: 'Save snapshot' }).click()
      const saved = page.getByRole('table', { name: 'Saved snapshots' })
      await saved.getByRole('cell', { name: /^team \/ m\d \(etcd 3\./ }).waitFor()
      await screenshot(page, `${launcher.name}-connect-05-maintenance`)

      await page.getByRole('main').getByRole('button', { name: 'Settings' }).click()
      const settings = page.getByRole('dialog', { name: 'Connection team' })
      await settings.getByLabel('Read-only').uncheck()
      await settings.getByRole('button', { name: 'Save' }).click()
      await settings.waitFor({ state: 'detached' })
      await page.getByRole('tab', { name: 'Maintenance' }).click()
      await page.getByRole('button', { name: 'Compact…' }).click()
      const confirm = page.getByRole('dialog', {
        name: 'Compact the history? (connected cluster team)',
      })
      await confirm.getByText(/This acts on team/).waitFor()
      await screenshot(page, `${launcher.name}-connect-06-compact-named`)
      await confirm.getByRole('button', { name: /^Compact to/ }).click()
      await page.getByText(/^Compacted: history before revision/).waitFor({ timeout: 20_000 })
    })
  })
}
