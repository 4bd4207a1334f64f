import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './harness/chromium'
import { closeCleanly, launchers, type LaunchedApp } from './harness/launchers'

/** The port table row of one member (its name is the row header). */
function memberRow(page: Page, member: string) {
  const header = page.getByRole('rowheader', { name: new RegExp(`^${member}\\b`) })
  return page.getByRole('row').filter({ has: header })
}

/** The member the port table marks as leader. */
async function shownLeader(page: Page): Promise<string | undefined> {
  const row = page.getByRole('row').filter({ hasText: 'leader' }).first()
  if ((await row.count()) === 0) return undefined
  return (await row.getByRole('rowheader').innerText()).match(/etcd\d/)?.[0]
}

for (const launcher of launchers()) {
  describe.skipIf(launcher.skipReason !== null)(`network faults (${launcher.name})`, () => {
    let app: LaunchedApp
    /** The leader isolated to show a minority losing its leader. */
    let isolated = ''
    /** etcd1's proxy port as the dialog suggested it (the tutorial's 3380 unless that is busy). */
    let proxyPort = ''

    beforeAll(async () => {
      app = await launcher.launch('e2e-faults')
    }, 180_000)

    afterAll(() => closeCleanly(app))

    it('creates a 3-member cluster with Network faults from the advanced options', async () => {
      const { page } = app
      await page.getByRole('button', { name: 'Create cluster' }).first().click()
      const dialog = page.getByRole('dialog', { name: 'Create cluster' })
      await dialog.getByLabel('Client port of etcd1').waitFor()
      await dialog.getByLabel('Name', { exact: true }).fill('faults')
      await dialog.getByText('Advanced options').click()
      await dialog.getByRole('checkbox', { name: 'Network faults' }).check()
      proxyPort = await dialog.getByLabel('Proxy port of etcd1').inputValue()
      expect(Number(proxyPort)).toBe(
        Number(await dialog.getByLabel('Peer port of etcd1').inputValue()) + 1000,
      )
      await screenshot(page, `${launcher.name}-10-create-network-faults`)
      await dialog.getByRole('button', { name: 'Create', exact: true }).click()
      for (const member of ['etcd1', 'etcd2', 'etcd3']) {
        await memberRow(page, member).getByText('running').waitFor({ timeout: 60_000 })
      }
      await expect.poll(() => shownLeader(page), { timeout: 20_000 }).toBeTruthy()
    })

    it('isolates the leader: the isolated marker, and the majority elects a new leader', async () => {
      const { page } = app
      isolated = (await shownLeader(page))!
      await page.getByRole('button', { name: `Isolate ${isolated}` }).click()
      await memberRow(page, isolated).getByText('isolated', { exact: true }).waitFor()
      await expect.poll(() => shownLeader(page), { timeout: 30_000 }).not.toBe(isolated)
      await page.getByText('2 of 3 healthy').waitFor({ timeout: 20_000 })
      await screenshot(page, `${launcher.name}-11-network-faults`)
    })

    it('adds and removes latency on a member', async () => {
      const { page } = app
      const other = ['etcd1', 'etcd2', 'etcd3'].find((m) => m !== isolated)!
      const row = memberRow(page, other)
      await row.getByRole('spinbutton', { name: `Latency of ${other}` }).fill('200')
      await row.getByRole('button', { name: `Add latency to ${other}` }).click()
      await row.getByText('+200 ms', { exact: true }).waitFor()
      await row.getByRole('button', { name: `Remove latency of ${other}` }).click()
      await row.getByText('+200 ms', { exact: true }).waitFor({ state: 'detached' })
    })

    it('heals the member: all three healthy again', async () => {
      const { page } = app
      await page.getByRole('button', { name: `Heal ${isolated}` }).click()
      await memberRow(page, isolated)
        .getByText('isolated', { exact: true })
        .waitFor({ state: 'detached' })
      await page.getByText('3 of 3 healthy').waitFor({ timeout: 30_000 })
      await screenshot(page, `${launcher.name}-12-network-faults-healed`)
    })

    it('shows the proxy URLs and what the proxies change in the Commands tab', async () => {
      const { page } = app
      await page.getByRole('tab', { name: 'Commands' }).click()
      await page.getByText(/The proxies are part of etcd Desk, not of etcd/).waitFor()
      await page
        .getByText(`--initial-advertise-peer-urls=http://127.0.0.1:${proxyPort}`)
        .first()
        .waitFor()
    })

    it('reported no page errors', () => {
      expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([])
      const errors = app.consoleErrors.filter((e) => !/favicon/i.test(e))
      expect(errors, errors.join('\n')).toEqual([])
    })
  })
}
