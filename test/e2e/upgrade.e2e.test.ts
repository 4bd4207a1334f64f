/**
 * A rolling upgrade by clicking: a 3-member cluster on the system etcd 3.4.23, "Upgrade" in its
 * header, 3.5.16 picked (downloaded from a loopback mirror of Debian's 3.5.16), and every member
 * seen moving to 3.5.16 in the Members tab until the cluster version reads 3.5.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startReleaseMirror, type ReleaseMirror } from '../helpers/release-mirror'
import { screenshot } from './harness/chromium'
import { closeCleanly, launchers, type LaunchedApp } from './harness/launchers'

const FROM = '3.4.23'
const TARGET = '3.5.16'
const MEMBERS = ['etcd1', 'etcd2', 'etcd3']
/** Why 4 min: a download from loopback, a snapshot, then three members stopped and started. */
const UPGRADE_DEADLINE_MS = 240_000

/** Waits until the port table shows `version` for `member`, confirmed by the member's server. */
async function waitForMemberVersion(page: Page, member: string, version: string, timeout: number) {
  await page
    .getByRole('table', { name: 'Members of upgrade' })
    .getByRole('row', { name: new RegExp(`^${member}\\b`) })
    .getByRole('cell', { name: `${version} (confirmed by the server)` })
    .waitFor({ timeout })
}

/** Waits until the Members tab reads `line` as the cluster version. */
async function waitForClusterVersion(page: Page, line: string, timeout: number) {
  await expect
    .poll(() => page.getByLabel('Cluster version', { exact: true }).textContent(), { timeout })
    .toMatch(new RegExp(`^Cluster version ${line.replace('.', '\\.')}\\b`))
}

for (const launcher of launchers()) {
  describe.skipIf(launcher.skipReason !== null)(`a rolling upgrade (${launcher.name})`, () => {
    let mirror: ReleaseMirror
    let app: LaunchedApp

    beforeAll(async () => {
      mirror = await startReleaseMirror([TARGET])
      app = await launcher.launch('e2e-upgrade', {
        ETCD_DESK_RELEASE_MIRROR: mirror.server.base,
        ETCD_DESK_OFFLINE: '1',
      })
    }, 180_000)

    afterAll(async () => {
      await closeCleanly(app)
      await mirror?.close()
    })

    it(`creates a 3-member cluster on the system etcd ${FROM}`, async () => {
      const { page } = app
      await page.getByRole('button', { name: 'Create cluster' }).first().click()
      const dialog = page.getByRole('dialog', { name: 'Create cluster' })
      await dialog.getByLabel('Client port of etcd3').waitFor()
      await dialog.getByLabel('Name', { exact: true }).fill('upgrade')
      await expect.poll(() => dialog.getByLabel('etcd version').inputValue()).toBe('system')
      await dialog.getByRole('button', { name: 'Create', exact: true }).click()
      await dialog.waitFor({ state: 'detached', timeout: 60_000 })
      for (const member of MEMBERS) await waitForMemberVersion(page, member, FROM, 30_000)
      await waitForClusterVersion(page, '3.4', 30_000)
    })

    it(`offers ${TARGET} in the Upgrade dialog, with its plan`, async () => {
      const { page } = app
      await page.getByRole('button', { name: 'Upgrade', exact: true }).click()
      const dialog = page.getByRole('dialog', { name: 'Upgrade etcd' })
      const now = dialog.getByRole('table', { name: 'Member versions now' })
      await now.waitFor({ timeout: 20_000 })
      expect(await now.getByRole('row').count()).toBe(MEMBERS.length + 1)
      const target = dialog.getByLabel('Target version')
      await expect.poll(() => target.getByRole('option', { name: /^3\.5\.16 · / }).count()).toBe(1)
      await target.selectOption(TARGET)
      const plan = dialog.getByRole('region', { name: 'Plan' })
      await plan.getByText('Upgrade to the next line (3.4 → 3.5)', { exact: false }).waitFor()
      await plan.getByText(`etcd ${TARGET} is not installed`, { exact: false }).waitFor()
      await plan.getByText('followers first and the leader last', { exact: false }).waitFor()
      await screenshot(page, `${launcher.name}-14-upgrade-dialog`)
    })

    it('upgrades member by member, with Pause and Abort offered meanwhile', async () => {
      const { page } = app
      const dialog = page.getByRole('dialog', { name: 'Upgrade etcd' })
      await dialog.getByRole('button', { name: `Upgrade to ${TARGET}` }).click()
      await dialog.waitFor({ state: 'detached' })
      const controls = page.getByRole('group', { name: 'Upgrade controls' })
      await controls.getByRole('button', { name: 'Pause after this member' }).waitFor({
        timeout: 60_000,
      })
      await controls.getByRole('button', { name: 'Abort upgrade' }).waitFor()
      const status = page.getByRole('status', { name: 'Operation in progress' })
      await expect.poll(() => status.textContent()).not.toBe('')
      await screenshot(page, `${launcher.name}-15-upgrade-running`)
      for (const member of MEMBERS) {
        await waitForMemberVersion(page, member, TARGET, UPGRADE_DEADLINE_MS)
      }
      await waitForClusterVersion(page, '3.5', 60_000)
      await controls.waitFor({ state: 'detached', timeout: 30_000 })
      expect(mirror.server.countOf(mirror.archives[TARGET]!.fileName)).toBe(1)
    })

    it('reports every swap, and no mixed versions remain', async () => {
      const { page } = app
      const report = page.getByRole('region', { name: 'Upgrade report' })
      await report.getByText(`Upgrade to etcd ${TARGET}: done`).waitFor({ timeout: 30_000 })
      const swaps = report.getByRole('table', { name: 'Member swaps' })
      expect(await swaps.getByRole('row').count()).toBe(MEMBERS.length + 1)
      expect(await page.getByRole('note', { name: 'Mixed versions' }).count()).toBe(0)
      // The header names the one version every member runs now.
      await page
        .getByText(/^etcd 3\.5\.16\b/)
        .first()
        .waitFor()
      await screenshot(page, `${launcher.name}-16-upgraded`)
    })

    it('reported no page errors', () => {
      expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([])
      const errors = app.consoleErrors.filter((e) => !/favicon/i.test(e))
      expect(errors, errors.join('\n')).toEqual([])
    })
  })
}
