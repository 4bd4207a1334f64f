/**
 * "Save diagnosis" end to end, in browser mode: a 1-member cluster, the button in the Maintenance
 * tab, its download received and opened as a .tar.gz whose manifest lists every file inside.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { x as extractTar } from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestDir } from '../helpers/test-dirs'
import { screenshot } from './harness/chromium'
import { createClusterByClicking } from './harness/create-by-clicking'
import { closeCleanly, launchers, type LaunchedApp } from './harness/launchers'

// Browser mode only: its download is what this spec drives (the app shows a save dialog).
const browser = launchers().find((l) => l.name === 'browser')

describe.skipIf(!browser)('Save diagnosis (browser)', () => {
  let app: LaunchedApp

  beforeAll(async () => {
    app = await (browser as NonNullable<typeof browser>).launch('e2e-diagnosis')
  }, 180_000)

  afterAll(() => closeCleanly(app))

  it('creates a 1-member cluster', async () => {
    const { page } = app
    await createClusterByClicking(page, app.dataDir, { name: 'diag', members: 1 })
  })

  it('saves the diagnosis and downloads an archive with its manifest', async () => {
    const { page } = app
    await page.getByRole('tab', { name: 'Maintenance' }).click()
    const section = page.getByRole('region', { name: 'Diagnosis bundle' })
    await section.getByRole('button', { name: 'Save diagnosis' }).click()
    const link = section.getByRole('link', { name: /^Download diag-diagnosis-.*\.tar\.gz$/ })
    await link.waitFor({ timeout: 30_000 })
    await section.scrollIntoViewIfNeeded()
    await screenshot(page, 'browser-diagnosis-01-saved')
    const downloading = page.waitForEvent('download')
    await link.click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^diag-diagnosis-\d{8}T\d{6}Z\.tar\.gz$/)
    const archive = await download.path()
    // gzip's magic bytes: it is an archive, not an error page.
    expect([...readFileSync(archive).subarray(0, 2)]).toEqual([0x1f, 0x8b])
    const dir = makeTestDir('e2e-diagnosis-open')
    const entries: string[] = []
    await extractTar({ file: archive, cwd: dir, onReadEntry: (e) => void entries.push(e.path) })
    const top = download.suggestedFilename().replace(/\.tar\.gz$/, '')
    const manifest = JSON.parse(readFileSync(join(dir, top, 'manifest.json'), 'utf8')) as {
      cluster: string
      files: { path: string; bytes: number }[]
    }
    expect(manifest.cluster).toBe('diag')
    const files = entries.filter((e) => !e.endsWith('/')).map((e) => e.slice(top.length + 1))
    expect(files.sort()).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].sort())
    expect(readFileSync(join(dir, top, 'metrics', 'etcd1.txt'), 'utf8')).toMatch(
      /^etcd_server_has_leader 1$/m,
    )
  })

  it('reported no page errors', () => {
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([])
    const errors = app.consoleErrors.filter((e) => !/favicon/i.test(e))
    expect(errors, errors.join('\n')).toEqual([])
  })
})
