/**
 * "Export to other machines" end to end, in browser mode: a 1-member cluster's Export… dialog
 * previews each format (the bash script and compose file with the member's flags, the systemd
 * env file with a host typed in the dialog), then the archive is created and downloaded, and it
 * holds the same files.
 */
import { list } from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { screenshot } from './harness/chromium'
import { createClusterByClicking } from './harness/create-by-clicking'
import { closeCleanly, launchers, type LaunchedApp } from './harness/launchers'

// Browser mode only: it downloads the archive (the app writes a folder through its save dialog).
const browser = launchers().find((l) => l.name === 'browser')

describe.skipIf(!browser)('export a cluster to other machines (browser)', () => {
  let app: LaunchedApp
  let clientPort = 0

  beforeAll(async () => {
    app = await (browser as NonNullable<typeof browser>).launch('e2e-cluster-export')
  }, 180_000)

  afterAll(() => closeCleanly(app))

  it('creates a 1-member cluster', async () => {
    const { page } = app
    const [url] = await createClusterByClicking(page, app.dataDir, { name: 'shipit', members: 1 })
    clientPort = Number(new URL(url!).port)
  })

  it('previews the bash script, the compose file and the systemd units', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Export…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export shipit to other machines' })
    const bash = dialog.getByLabel('start-cluster.sh', { exact: true })
    await bash.waitFor({ timeout: 20_000 })
    expect(await bash.innerText()).toContain(
      `start_member etcd1 --name=etcd1 --data-dir=data/etcd1 --listen-client-urls=http://127.0.0.1:${clientPort}`,
    )
    await screenshot(page, 'browser-cluster-export-01-bash')
    await dialog.getByRole('tab', { name: 'docker compose' }).click()
    const compose = dialog.getByLabel('docker-compose.yml', { exact: true })
    expect(await compose.innerText()).toMatch(/image: gcr\.io\/etcd-development\/etcd:v3\.\d+\.\d+/)
    await dialog.getByRole('tab', { name: 'systemd' }).click()
    await dialog.getByLabel('Host of etcd1').fill('10.1.2.3')
    await dialog.getByRole('button', { name: 'Use these hosts' }).click()
    const env = dialog.getByLabel('systemd/etcd1.env', { exact: true })
    await expect
      .poll(() => env.innerText(), { timeout: 20_000 })
      .toContain(`MEMBER_ADVERTISE_CLIENT_URLS=http://10.1.2.3:${clientPort}`)
    expect(
      await dialog.getByLabel('systemd/etcd-shipit-etcd1.service', { exact: true }).innerText(),
    ).toContain('--advertise-client-urls=${MEMBER_ADVERTISE_CLIENT_URLS}')
    await screenshot(page, 'browser-cluster-export-02-systemd')
  })

  it('creates the archive and downloads it', async () => {
    const { page } = app
    const dialog = page.getByRole('dialog', { name: 'Export shipit to other machines' })
    await dialog.getByRole('button', { name: 'Create archive' }).click()
    const link = dialog.getByRole('link', { name: /^Download shipit-etcd-export-.*\.tar\.gz$/ })
    await link.waitFor({ timeout: 20_000 })
    await link.scrollIntoViewIfNeeded()
    await screenshot(page, 'browser-cluster-export-03-download')
    const downloading = page.waitForEvent('download')
    await link.click()
    const download = await downloading
    const entries: string[] = []
    await list({ file: await download.path(), onReadEntry: (e) => entries.push(e.path) })
    const top = download.suggestedFilename().replace(/\.tar\.gz$/, '')
    for (const file of ['start-cluster.sh', 'Procfile', 'docker-compose.yml', 'systemd/etcd1.env'])
      expect(entries).toContain(`${top}/${file}`)
  })
})
