/**
 * The release journey in the window: with a mirror set (ETCD_DESK_RELEASE_MIRROR, as a company
 * or air-gapped user would), pick an etcd release that is not installed, download it with a
 * visible progress bar, create a cluster on it, and see that it runs from the release cache. The
 * mirror is a loopback server publishing a release-shaped archive of the Debian etcd 3.4.23.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findEtcdProcesses } from '../helpers/etcd-processes'
import { freePorts } from '../helpers/free-port'
import { startReleaseServer, type ReleaseServer } from '../helpers/release-server'
import { REAL_VERSION } from '../integration/releases/release-archives'
import { buildRealArchives, LINUX_ASSET, publish } from '../integration/releases/release-fixture'
import { screenshot } from './harness/chromium'
import { closeCleanly, launchers, type LaunchedApp } from './harness/launchers'

/** How the window names the release: Debian's 3.4.23 is of a line past its end of life. */
const RELEASE_LABEL = `etcd ${REAL_VERSION} (end of life)`

/** Opens the create dialog and picks the release, offered as "(download)": not installed yet. */
async function chooseDownloadable(page: Page): Promise<{ dialog: Locator; version: Locator }> {
  await page.getByRole('button', { name: 'Create cluster' }).first().click()
  const dialog = page.getByRole('dialog')
  const version = dialog.getByLabel('etcd version')
  const option = version.getByRole('option', { name: `${RELEASE_LABEL} (download)` })
  await expect.poll(() => option.count()).toBe(1)
  await version.selectOption(REAL_VERSION)
  return { dialog, version }
}

/** Fills the open create dialog for a 1-member cluster on free ports. */
async function fillOneMember(dialog: Locator, name: string): Promise<void> {
  await dialog.getByLabel('Name', { exact: true }).fill(name)
  await dialog.getByLabel('Members', { exact: true }).selectOption('1')
  const [client, peer] = await freePorts(2)
  await dialog.getByLabel('Client port of etcd1').fill(String(client))
  await dialog.getByLabel('Peer port of etcd1').fill(String(peer))
}

/** Waits until the Commands tab shows the cluster running the etcd from the release cache. */
async function expectRunsFromCache(app: LaunchedApp): Promise<void> {
  const { page } = app
  await page.getByRole('row').filter({ hasText: 'etcd1' }).getByText('running').waitFor({
    timeout: 60_000,
  })
  await page.getByRole('tab', { name: 'Commands' }).click()
  const binary = join(app.dataDir, 'etcd', `v${REAL_VERSION}`, 'etcd')
  await page.getByText(binary, { exact: false }).first().waitFor()
  expect(findEtcdProcesses(app.dataDir).length).toBe(1)
}

for (const launcher of launchers()) {
  describe.skipIf(launcher.skipReason !== null)(`etcd releases (${launcher.name})`, () => {
    let server: ReleaseServer
    const apps: LaunchedApp[] = []
    /** The app on a fresh data directory, with the loopback mirror set. */
    const launch = async (label: string): Promise<LaunchedApp> => {
      const app = await launcher.launch(label, { ETCD_DESK_RELEASE_MIRROR: server.base })
      apps.push(app)
      return app
    }

    beforeAll(async () => {
      server = await startReleaseServer()
      publish(server, (await buildRealArchives()).tarGz)
      // Why crawl (~6 MB/s, ~2.5 s): the progress must be on screen long enough to be checked.
      server.misbehave('crawl')
    }, 60_000)

    afterAll(async () => {
      for (const app of apps) {
        await closeCleanly(app)
        expect(app.pageErrors).toEqual([])
      }
      await server?.close()
    })

    describe('download first, then create', () => {
      let app: LaunchedApp
      beforeAll(async () => {
        app = await launch('e2e-release')
      }, 180_000)

      it('downloads the chosen release from the mirror with a progress bar', async () => {
        const { page } = app
        const { dialog, version } = await chooseDownloadable(page)
        await dialog
          .getByText(`etcd ${REAL_VERSION} is downloaded, verified and installed`)
          .waitFor()
        await dialog.getByRole('button', { name: 'Download and create' }).waitFor()
        await dialog.getByRole('button', { name: `Download etcd ${REAL_VERSION} now` }).click()
        const progress = dialog.getByRole('progressbar', {
          name: `Download of etcd ${REAL_VERSION}`,
        })
        await progress.waitFor()
        // Progress travels from the download thread through the engine to the window.
        await dialog.getByText(/^Downloading etcd /).waitFor()
        await dialog.getByText(/^\d+(\.\d)? MiB of \d+(\.\d)? MiB · \d/).waitFor()
        await screenshot(page, `${launcher.name}-release-01-downloading`)
        await progress.waitFor({ state: 'detached', timeout: 60_000 })
        await expect
          .poll(() => version.getByRole('option', { name: RELEASE_LABEL, exact: true }).count())
          .toBe(1)
        expect(server.countOf(LINUX_ASSET)).toBe(1)
        expect(existsSync(join(app.dataDir, 'etcd', `v${REAL_VERSION}`, 'etcd'))).toBe(true)
      })

      it('creates a cluster that runs the downloaded etcd', async () => {
        const dialog = app.page.getByRole('dialog')
        await fillOneMember(dialog, 'downloaded')
        await dialog.getByRole('button', { name: 'Create', exact: true }).click()
        await expectRunsFromCache(app)
        await screenshot(app.page, `${launcher.name}-release-02-running`)
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
        await expect.poll(() => offered.allInnerTexts()).not.toContain(RELEASE_LABEL)
        await row.scrollIntoViewIfNeeded()
        await screenshot(page, `${launcher.name}-release-03-settings`)
        await row.getByRole('button', { name: `Remove etcd ${REAL_VERSION}` }).click()
        await page.getByRole('button', { name: 'Remove', exact: true }).click()
        await page.getByText('This release is used by a cluster').first().waitFor()
        expect(existsSync(join(app.dataDir, 'etcd', `v${REAL_VERSION}`, 'etcd'))).toBe(true)
      })
    })

    describe('Download and create in one click', () => {
      let app: LaunchedApp
      beforeAll(async () => {
        app = await launch('e2e-release-create')
      }, 180_000)

      it('a failed Download and create says why, and Escape closes the dialog', async () => {
        const { page } = app
        server.misbehave('not-found')
        try {
          const { dialog } = await chooseDownloadable(page)
          await fillOneMember(dialog, 'not-found')
          await dialog.getByRole('button', { name: 'Download and create' }).click()
          await dialog.getByText(/Could not create the cluster/).waitFor({ timeout: 60_000 })
          await screenshot(page, `${launcher.name}-release-05-download-and-create-failed`)
          // Focus fell back to the page while the button was busy; Escape still reaches the dialog.
          await page.keyboard.press('Escape')
          await dialog.waitFor({ state: 'detached' })
        } finally {
          server.misbehave('crawl')
        }
      })

      it('downloads the version as part of the create, with progress, and starts the cluster', async () => {
        const { page } = app
        const before = server.countOf(LINUX_ASSET)
        const { dialog } = await chooseDownloadable(page)
        await fillOneMember(dialog, 'one-click')
        await dialog.getByRole('button', { name: 'Download and create' }).click()
        await dialog
          .getByRole('progressbar', { name: `Download of etcd ${REAL_VERSION}` })
          .waitFor()
        await dialog.getByText(/^\d+(\.\d)? MiB of \d+(\.\d)? MiB · \d/).waitFor()
        await screenshot(page, `${launcher.name}-release-04-download-and-create`)
        await expectRunsFromCache(app)
        expect(server.countOf(LINUX_ASSET)).toBe(before + 1)
      })
    })
  })
}
