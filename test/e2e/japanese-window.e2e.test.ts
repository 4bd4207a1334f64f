/**
 * The window in Japanese, in Debian's Chromium against browser mode and real etcd: a browser
 * whose language is Japanese (as the OS's would be) gets the Japanese window with "Language" on
 * Automatic; a 1-member cluster is created by clicking the Japanese labels; the main screens are
 * saved as ja-*.png, and none shows a Latin-letter word outside etcd's names and verbatim text
 * (every tab, an operation report, the create, Export and Settings dialogs); Settings → Language
 * → English switches the window at once, without a reload.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findEtcdProcesses } from '../helpers/etcd-processes'
import { startBrowserMode, type BrowserModeServer } from './harness/browser-mode'
import { openPage, screenshot, type OpenPage } from './harness/chromium'
import { savedClientUrls } from './harness/create-by-clicking'
import { etcdctlAt } from './harness/etcdctl'
import { LATIN_WORDS_IN_JAPANESE, untranslatedWords } from './harness/latin-words'

/** Latin-letter words this spec's own data puts on screen (cluster, members, keys). */
const THIS_SPEC_WORDS = ['nihongo', 'app', 'greeting']

/** Words of the page in Latin letters that no catalogue explains (see harness/latin-words). */
const untranslated = (page: Page) =>
  untranslatedWords(page, new Set([...LATIN_WORDS_IN_JAPANESE, ...THIS_SPEC_WORDS]))

/** Shows a tab of the cluster's workspace and answers its panel. */
async function showTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click()
  return page.getByRole('tabpanel', { name })
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
    expect(await untranslated(page)).toEqual([])
    await screenshot(page, 'ja-02-create-dialog')
    await dialog.getByRole('button', { name: '作成', exact: true }).click()
    // Why 60 s: creating includes the member's first start and its election.
    await dialog.waitFor({ state: 'detached', timeout: 60_000 })
    const members = page.getByRole('tabpanel', { name: 'メンバー' })
    await members.getByText('リーダー', { exact: true }).first().waitFor({ timeout: 20_000 })
    await members.getByRole('heading', { name: /^メンバーのステータス/ }).waitFor()
    ;[endpoint] = savedClientUrls(server.dataDir, 'nihongo') as [string]
    expect(await untranslated(page)).toEqual([])
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
    expect(await untranslated(page)).toEqual([])
    await screenshot(page, 'ja-04-keys')
  })

  it('shows every tab, an operation report and the Export dialog with no English left', async () => {
    const { page } = opened
    const left: Record<string, string[]> = {}
    const tabs = [
      'メトリクス',
      'ログ',
      'キー',
      'リース',
      'インポート/エクスポート',
      'アクセス',
      'コマンド',
    ]
    for (const tab of tabs) {
      const panel = await showTab(page, tab)
      // Each tab's own content, not only its frame: some words inside its panel.
      await expect.poll(async () => (await panel.innerText()).trim().length).toBeGreaterThan(20)
      left[tab] = await untranslated(page)
    }
    const logs = await showTab(page, 'ログ')
    // The timeline says what happened: the create and the election, in the window's words.
    await logs.getByText('クラスタ nihongo を作成中: 完了').waitFor()
    left['ログ (timeline)'] = await untranslated(page)
    const maintenance = await showTab(page, 'メンテナンス')
    await maintenance.getByRole('button', { name: '全メンバーをデフラグ' }).click()
    await maintenance
      .getByRole('table', { name: 'デフラグのレポート' })
      .waitFor({ timeout: 30_000 })
    left['メンテナンス'] = await untranslated(page)
    const members = await showTab(page, 'メンバー')
    const report = members.getByRole('region', { name: '前回の操作' })
    await report.getByText(/クラスタ nihongo をデフラグ/).waitFor()
    left['メンバー (report)'] = await untranslated(page)
    await screenshot(page, 'ja-06-operation-report')
    await page.getByRole('button', { name: 'エクスポート…' }).click()
    const exporting = page.getByRole('dialog', { name: 'nihongo を別のマシンへエクスポート' })
    await exporting.getByRole('heading').first().waitFor()
    left['エクスポート'] = await untranslated(page)
    await screenshot(page, 'ja-07-export')
    await exporting.getByRole('button', { name: '閉じる' }).click()
    expect(left).toEqual(Object.fromEntries(Object.keys(left).map((k) => [k, []])))
  })

  it('switches to English from Settings at once, without a reload', async () => {
    const { page } = opened
    await page.getByRole('button', { name: '設定', exact: true }).click()
    const settings = page.getByRole('dialog', { name: '設定' })
    const language = settings.getByLabel('言語', { exact: true })
    await language.waitFor()
    expect(await language.inputValue()).toBe('auto')
    expect(await untranslated(page)).toEqual([])
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
