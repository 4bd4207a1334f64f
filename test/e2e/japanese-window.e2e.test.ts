/**
 * The window in Japanese, in Debian's Chromium against browser mode and real etcd: a browser
 * whose language is Japanese (as the OS's would be) gets the Japanese window with "Language" on
 * Automatic; a 1-member cluster is created by clicking the Japanese labels; the main screens are
 * saved as ja-*.png; Settings → Language → English switches the window at once, without a reload.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findEtcdProcesses } from '../helpers/etcd-processes'
import { startBrowserMode, type BrowserModeServer } from './harness/browser-mode'
import { openPage, screenshot, type OpenPage } from './harness/chromium'
import { savedClientUrls } from './harness/create-by-clicking'
import { etcdctlAt } from './harness/etcdctl'

/** English words of the converted screens that must not show in the Japanese window. */
const ENGLISH_LEFTOVERS = [
  'Create cluster',
  'Members and ports',
  'Member status',
  'Leader elections',
  'Start all',
  'Stop all',
  'Delete cluster',
  'New key',
  'Loading',
]

/** Shows a tab of the cluster's workspace and answers its panel. */
async function showTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click()
  return page.getByRole('tabpanel', { name })
}

/** The English words of ENGLISH_LEFTOVERS the page shows now. */
async function englishOn(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText()
  return ENGLISH_LEFTOVERS.filter((words) => text.includes(words))
}

describe('the Japanese window (browser)', () => {
  let server: BrowserModeServer
  let opened: OpenPage
  let endpoint = ''
  const etcdctl = etcdctlAt(() => endpoint)

  beforeAll(async () => {
    server = await startBrowserMode('e2e-japanese')
    opened = await openPage(server.url, { locale: 'ja-JP' })
  }, 180_000)

  afterAll(async () => {
    await opened?.close()
    if (!server) return
    expect(await server.stop()).toBe(0)
    expect(findEtcdProcesses(server.dataDir)).toEqual([])
  })

  it('follows the browser language: Japanese labels and <html lang="ja">', async () => {
    const { page } = opened
    await page.getByRole('heading', { name: 'クラスタ', exact: true }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('ja')
    await screenshot(page, 'ja-01-empty')
  })

  it('creates a 1-member cluster by clicking the Japanese labels', async () => {
    const { page } = opened
    await page.getByRole('button', { name: 'クラスタを作成' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'クラスタを作成' })
    await dialog.getByLabel('etcd1 のクライアントポート').waitFor()
    await dialog.getByLabel('名前', { exact: true }).fill('nihongo')
    await dialog.getByLabel('メンバー数', { exact: true }).selectOption('1')
    await dialog.getByText('空いているポートを探しています…').waitFor({ state: 'hidden' })
    await dialog.getByText('詳細オプション').click()
    await screenshot(page, 'ja-02-create-dialog')
    await dialog.getByRole('button', { name: '作成', exact: true }).click()
    // Why 60 s: creating includes the member's first start and its election.
    await dialog.waitFor({ state: 'detached', timeout: 60_000 })
    const members = page.getByRole('tabpanel', { name: 'メンバー' })
    await members.getByText('リーダー', { exact: true }).first().waitFor({ timeout: 20_000 })
    await members.getByRole('heading', { name: /^メンバーのステータス/ }).waitFor()
    ;[endpoint] = savedClientUrls(server.dataDir, 'nihongo') as [string]
    expect(await englishOn(page)).toEqual([])
    await screenshot(page, 'ja-03-members')
  })

  it('shows keys in Japanese; keys and values stay as they are', async () => {
    const { page } = opened
    await etcdctl('put', '/app/greeting', 'こんにちは etcd')
    const keys = await showTab(page, 'キー')
    await keys.getByRole('button', { name: '/app/greeting', exact: true }).click()
    const viewer = keys.getByRole('region', { name: '選択中のキー' })
    await viewer.getByText('こんにちは etcd').waitFor()
    await viewer.getByText('作成リビジョン').waitFor()
    expect(await englishOn(page)).toEqual([])
    await screenshot(page, 'ja-04-keys')
  })

  it('switches to English from Settings at once, without a reload', async () => {
    const { page } = opened
    await page.getByRole('button', { name: '設定', exact: true }).click()
    const settings = page.getByRole('dialog', { name: '設定' })
    const language = settings.getByLabel('言語', { exact: true })
    await language.waitFor()
    expect(await language.inputValue()).toBe('auto')
    await screenshot(page, 'ja-05-settings')
    // A mark on the page's window: a reload would lose it.
    await page.evaluate('window.notReloaded = true')
    await language.selectOption('en')
    await settings.getByRole('button', { name: '保存' }).click()
    await page.getByRole('dialog', { name: 'Settings' }).getByText('Settings saved.').waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await page.evaluate('window.notReloaded')).toBe(true)
    await page
      .getByRole('dialog', { name: 'Settings' })
      .getByRole('button', { name: 'Close' })
      .click()
    await showTab(page, 'Members')
    await page.getByRole('heading', { name: 'Members and ports' }).waitFor()
    await screenshot(page, 'en-members-for-comparison')
    expect(opened.pageErrors).toEqual([])
  })
})
