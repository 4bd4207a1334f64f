/**
 * The Maintenance tab end to end: a cluster with a 1 MiB space quota, a snapshot saved and
 * downloaded, every member defragmented, and the NOSPACE drill walked back to a working write.
 */
import { statSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './harness/chromium'
import { closeCleanly, launchers, type LaunchedApp } from './harness/launchers'

for (const launcher of launchers()) {
  describe.skipIf(launcher.skipReason !== null)(`the Maintenance tab (${launcher.name})`, () => {
    let app: LaunchedApp

    beforeAll(async () => {
      app = await launcher.launch('e2e-maintenance')
    }, 180_000)

    afterAll(() => closeCleanly(app))

    const region = (name: string) => app.page.getByRole('region', { name, exact: true })

    it('creates a 3-member cluster with a 1 MiB space quota', async () => {
      const { page } = app
      await page.getByRole('button', { name: 'Create cluster' }).first().click()
      const dialog = page.getByRole('dialog', { name: 'Create cluster' })
      await dialog.getByLabel('Client port of etcd1').waitFor()
      await dialog.getByLabel('Name', { exact: true }).fill('maint')
      await dialog.getByText('Advanced options').click()
      await dialog.getByLabel('Space quota (MiB)').fill('1')
      await screenshot(page, `${launcher.name}-10-maintenance-create-options`)
      await dialog.getByRole('button', { name: 'Create', exact: true }).click()
      await dialog.waitFor({ state: 'detached', timeout: 60_000 })
      await page.getByText('leader', { exact: false }).first().waitFor({ timeout: 20_000 })
    })

    it('saves a snapshot, lists it and downloads it', async () => {
      const { page } = app
      await page.getByRole('tab', { name: 'Maintenance' }).click()
      const snapshots = region('Snapshots')
      await snapshots.getByLabel('Save from').selectOption('etcd2')
      await snapshots.getByRole('button', { name: 'Save snapshot' }).click()
      const row = snapshots
        .getByRole('table', { name: 'Saved snapshots' })
        .getByRole('row', { name: /maint-etcd2-/ })
      await row.waitFor({ timeout: 20_000 })
      const id = (await row.getByRole('rowheader').innerText()).trim()
      if (launcher.name === 'browser') {
        const downloading = page.waitForEvent('download')
        await row.getByRole('link', { name: `Download ${id}` }).click()
        const download = await downloading
        expect(download.suggestedFilename()).toBe(id)
        const saved = await download.path()
        expect(statSync(saved).size).toBe(statSync(`${app.dataDir}/snapshots/${id}`).size)
      }
    })

    it('defragments every member, followers first, and shows sizes before and after', async () => {
      const defrag = region('Defragment')
      await defrag.getByRole('button', { name: 'Defragment all members' }).click()
      const report = defrag.getByRole('table', { name: 'Defragmentation report' })
      await report.waitFor({ timeout: 30_000 })
      expect(await report.getByRole('row').count()).toBe(4)
      expect(await report.getByRole('row').last().getByText('leader').count()).toBe(1)
      await screenshot(app.page, `${launcher.name}-11-maintenance`)
    })

    it('walks the NOSPACE drill back to a working write', async () => {
      const drill = region('NOSPACE drill')
      await drill.scrollIntoViewIfNeeded()
      const step = async (name: string, outcome: RegExp) => {
        await drill.getByRole('button', { name }).click()
        await drill.getByText(outcome).waitFor({ timeout: 30_000 })
      }
      await step('1. Fill until NOSPACE', /raised NOSPACE/)
      await drill.getByText(/alarms: NOSPACE on etcd/).waitFor({ timeout: 20_000 })
      await screenshot(app.page, `${launcher.name}-12-maintenance-nospace`)
      await step('2. Delete the filler keys', /^Deleted \d+ keys/)
      await step('3. Compact', /History before revision \d+ dropped/)
      await step('4. Defragment', /Writes still fail: the alarm stays until disarmed/)
      await step('5. Disarm', /^Disarmed NOSPACE on etcd/)
      await step('6. Write a key', /The write succeeded at revision \d+/)
      await drill.getByText('alarms: none', { exact: false }).waitFor({ timeout: 20_000 })
      await screenshot(app.page, `${launcher.name}-13-maintenance-recovered`)
    })

    it('reported no page errors', () => {
      expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([])
      const errors = app.consoleErrors.filter((e) => !/favicon/i.test(e))
      expect(errors, errors.join('\n')).toEqual([])
    })
  })
}
