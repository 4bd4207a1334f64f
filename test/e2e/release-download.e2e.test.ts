/**
 * The release journey in the window: with a mirror set (ETCD_DESK_RELEASE_MIRROR, as a company
 * or air-gapped user would), pick an etcd release that is not installed, download it with a
 * visible progress bar, create a cluster on it, and see that it runs from the release cache. The
 * mirror is a loopback server publishing a release-shaped archive of the Debian etcd 3.4.23.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findEtcdProcesses } from '../helpers/etcd-processes'
import { freePorts } from '../helpers/free-port'
import { startReleaseServer, type ReleaseServer } from '../helpers/release-server'
import { REAL_VERSION } from '../integration/releases/release-archives'
import { buildRealArchives, LINUX_ASSET, publish } from '../integration/releases/release-fixture'
import { screenshot } from './harness/chromium'
import { launchers, type LaunchedApp } from './harness/launchers'

for (const launcher of launchers()) {
  describe.skipIf(launcher.skipReason !== null)(`downloading a release (${launcher.name})`, () => {
    let app: LaunchedApp
    let server: ReleaseServer

    beforeAll(async () => {
      server = await startReleaseServer()
      publish(server, (await buildRealArchives()).tarGz)
      // Why crawl (~6 MB/s, ~2.5 s): the progress must be on screen long enough to be checked.
      server.misbehave('crawl')
      app = await launcher.launch('e2e-release', { ETCD_DESK_RELEASE_MIRROR: server.base })
    }, 180_000)

    afterAll(async () => {
      if (app) {
        expect(await app.close()).toBe(0)
        expect(findEtcdProcesses(app.dataDir)).toEqual([])
      }
      await server?.close()
    })

    it('downloads the chosen release from the mirror with a progress bar', async () => {
      const { page } = app
      await page.getByRole('button', { name: 'Create cluster' }).first().click()
      const dialog = page.getByRole('dialog')
      const version = dialog.getByLabel('etcd version')
      await expect
        .poll(() =>
          version.getByRole('option', { name: `etcd ${REAL_VERSION} (download)` }).count(),
        )
        .toBe(1)
      await version.selectOption(REAL_VERSION)
      await dialog.getByText(`Download etcd ${REAL_VERSION} first.`).waitFor()
      await dialog.getByRole('button', { name: `Download etcd ${REAL_VERSION}` }).click()
      const progress = dialog.getByRole('progressbar', { name: `Download of etcd ${REAL_VERSION}` })
      await progress.waitFor()
      // Progress travels from the download thread through the engine to the window.
      await dialog.getByText(/^Downloading etcd /).waitFor()
      await dialog.getByText(/^\d+(\.\d)? MiB of \d+(\.\d)? MiB · \d/).waitFor()
      await screenshot(page, `${launcher.name}-release-01-downloading`)
      await progress.waitFor({ state: 'detached', timeout: 60_000 })
      await expect
        .poll(() =>
          version.getByRole('option', { name: `etcd ${REAL_VERSION}`, exact: true }).count(),
        )
        .toBe(1)
      expect(server.countOf(LINUX_ASSET)).toBe(1)
      expect(existsSync(join(app.dataDir, 'etcd', `v${REAL_VERSION}`, 'etcd'))).toBe(true)
    })

    it('creates a cluster that runs the downloaded etcd', async () => {
      const { page } = app
      const dialog = page.getByRole('dialog')
      await dialog.getByLabel('Name', { exact: true }).fill('downloaded')
      await dialog.getByLabel('Members', { exact: true }).selectOption('1')
      const [client, peer] = await freePorts(2)
      await dialog.getByLabel('Client port of etcd1').fill(String(client))
      await dialog.getByLabel('Peer port of etcd1').fill(String(peer))
      await dialog.getByRole('button', { name: 'Create', exact: true }).click()
      await page.getByRole('row').filter({ hasText: 'etcd1' }).getByText('running').waitFor({
        timeout: 60_000,
      })
      await page.getByRole('tab', { name: 'Commands' }).click()
      const binary = join(app.dataDir, 'etcd', `v${REAL_VERSION}`, 'etcd')
      await page.getByText(binary, { exact: false }).first().waitFor()
      await screenshot(page, `${launcher.name}-release-02-running`)
      expect(findEtcdProcesses(app.dataDir).length).toBe(1)
    })

    it('lists the verified release in Settings and refuses to remove it while in use', async () => {
      const { page } = app
      await page.getByRole('button', { name: 'Settings', exact: true }).click()
      const dialog = page.getByRole('dialog')
      const table = dialog.getByRole('table', { name: 'Installed etcd releases' })
      const row = table.getByRole('row').filter({ hasText: `etcd ${REAL_VERSION}` })
      await row.getByText('Verified').waitFor()
      // Installed, so "Download a version" no longer offers it.
      const offered = dialog.getByRole('form', { name: 'Download a version' }).locator('option')
      await expect.poll(() => offered.allInnerTexts()).not.toContain(`etcd ${REAL_VERSION}`)
      await row.scrollIntoViewIfNeeded()
      await screenshot(page, `${launcher.name}-release-03-settings`)
      await row.getByRole('button', { name: `Remove etcd ${REAL_VERSION}` }).click()
      await page.getByRole('button', { name: 'Remove', exact: true }).click()
      await page.getByText('This release is used by a cluster').first().waitFor()
      expect(existsSync(join(app.dataDir, 'etcd', `v${REAL_VERSION}`, 'etcd'))).toBe(true)
    })

    it('reported no page errors', () => {
      expect(app.pageErrors).toEqual([])
    })
  })
}
