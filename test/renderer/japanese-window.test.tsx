import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Desk } from '../../src/renderer/src/features/desk/desk'
import { LeasesPanel } from '../../src/renderer/src/features/leases/leases-panel'
import { LanguageFromSettings } from '../../src/renderer/src/i18n/language-from-settings'
import { i18n } from '../../src/renderer/src/i18n'
import type { ClusterView } from '../../src/shared/cluster'
import { words } from '../../src/shared/engine-words/engine-words'
import { DEFAULT_SETTINGS } from '../../src/shared/settings'
import { FakeApi, fail, ok, SETTINGS_FILE } from './fake-api'
import { bytes, clusterStatus, clusterView, renderWithApi } from './fixtures'
import { keysApi } from './keys-fixture'

/** English words of the converted screens that must not show in the Japanese window. */
const ENGLISH_LEFTOVERS = [
  'Create cluster',
  'Clusters',
  'Members and ports',
  'Member status',
  'Leader elections',
  'Membership',
  'Start all',
  'Stop all',
  'Delete cluster',
  'New key',
  'Prefix',
  'Settings',
  'Loading',
  'Health',
]

/** The English words of ENGLISH_LEFTOVERS in the document's text. */
function englishLeftovers(): string[] {
  const text = document.body.textContent ?? ''
  return ENGLISH_LEFTOVERS.filter((words) => text.includes(words))
}

/** The desk with one running 3-member cluster (keys from keys-fixture), "Language" set to `language`. */
function renderDesk(language: 'auto' | 'en' | 'ja', cluster: ClusterView = clusterView('demo')) {
  const api = keysApi()
  const settings = {
    settings: { ...DEFAULT_SETTINGS, language },
    file: SETTINGS_FILE,
    loadError: null,
  }
  api.handle('clusters:list', () => ok([cluster]))
  api.handle('cluster:status', () => ok(clusterStatus(cluster, 'etcd1')))
  api.handle('settings:get', () => ok(settings))
  renderWithApi(
    <>
      <LanguageFromSettings />
      <Desk />
    </>,
    api,
  )
  return api
}

describe('The window in Japanese', () => {
  beforeEach(() => expect(i18n.language).toBe('en'))
  // Each test leaves the window as tests expect it: English (jsdom's navigator is en-US).
  afterEach(() => act(() => i18n.changeLanguage('en')))

  it('follows the "Language" setting: the main screens have no English left', async () => {
    renderDesk('ja')
    const members = await screen.findByRole('tabpanel', { name: 'メンバー' })
    await within(members).findByRole('table', { name: 'demo のメンバー' })
    await within(members).findByRole('heading', { name: /^メンバーのステータス/ })
    expect(document.documentElement.lang).toBe('ja')
    expect(within(members).getAllByText('リーダー').length).toBeGreaterThan(0)
    expect(englishLeftovers()).toEqual([])

    await userEvent.click(screen.getByRole('tab', { name: 'キー' }))
    const keys = screen.getByRole('tabpanel', { name: 'キー' })
    await userEvent.click(await within(keys).findByRole('button', { name: 'app/a' }))
    const viewer = await within(keys).findByRole('region', { name: '選択中のキー' })
    // Keys and values are never translated.
    await within(viewer).findByText('hello')
    expect(within(viewer).getByText('作成リビジョン')).toBeVisible()
    expect(englishLeftovers()).toEqual([])

    await userEvent.click(
      screen.getAllByRole('button', { name: 'クラスタを作成' })[0] as HTMLElement,
    )
    const create = await screen.findByRole('dialog', { name: 'クラスタを作成' })
    expect(within(create).getByLabelText('名前')).toBeVisible()
    expect(englishLeftovers()).toEqual([])
    // Why 30 s: three screens with user events; a loaded 2-core box needs more than the 5 s default.
  }, 30_000)

  it('translates error hints by error code', async () => {
    const api = renderDesk('ja')
    api.handle('cluster:stop', () =>
      fail({
        code: 'CLUSTER_BUSY',
        message: 'busy',
        detail: { cluster: 'demo', operation: 'upgrade', label: 'Upgrade' },
      }),
    )
    await screen.findByRole('table', { name: 'demo のメンバー' })
    await userEvent.click(screen.getByRole('button', { name: 'すべて停止' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(
      'demo を停止できませんでした: このクラスタでは別の操作を実行中です',
    )
    expect(alert).toHaveTextContent('実行中: Upgrade')
  })

  it("shows the create dialog's checks (shared rules) in Japanese", async () => {
    renderDesk('ja')
    await screen.findByRole('table', { name: 'demo のメンバー' })
    await userEvent.click(
      screen.getAllByRole('button', { name: 'クラスタを作成' })[0] as HTMLElement,
    )
    const create = await screen.findByRole('dialog', { name: 'クラスタを作成' })
    const name = within(create).getByLabelText('名前')
    await userEvent.clear(name)
    await userEvent.type(name, 'Bad Name')
    expect(
      within(create).getByText(/^クラスタ名「Bad Name」は、小文字・数字・ダッシュの 1〜40 文字/),
    ).toBeVisible()
    expect(name).toHaveAttribute('aria-invalid', 'true')
    expect(within(create).queryByText(/lower-case letters/)).toBeNull()
  }, 30_000)

  it('writes time units in Japanese (lease TTLs by Intl)', async () => {
    await act(() => i18n.changeLanguage('ja'))
    const lease = {
      id: '7',
      ttl: 42,
      grantedTtl: 3725,
      keyCount: 1,
      keys: [bytes('/app/lock')],
    }
    const api = new FakeApi({
      'leases:list': () => ok({ leases: [lease], total: 1, nextAfter: null }),
    })
    renderWithApi(
      <LeasesPanel cluster={clusterView()} openLease={null} onOpenLease={() => undefined} />,
      api,
    )
    const row = await screen.findByRole('row', { name: /\/app\/lock/ })
    expect(row).toHaveTextContent('42 秒')
    expect(row).toHaveTextContent('1 時間 2 分 5 秒')
    expect(row).not.toHaveTextContent(/\d+ (s|sec|min|hr)\b/)
  })

  it('shows the engine’s warning and a crashed member’s exit reason in Japanese', async () => {
    const cluster = clusterView('demo', ['running', 'crashed', 'running'])
    cluster.warning = 'etcd Desk could not record its running members (run.json): EACCES …'
    cluster.warningWords = words('engine-notices:warning.runRecordNotWritten', {
      message: 'EACCES: permission denied',
    })
    const crashed = cluster.members[1]!
    crashed.lastExit = {
      code: null,
      signal: 'SIGKILL',
      at: '2025-01-01T10:00:00Z',
      logTail: [],
      reason: 'exited unexpectedly with signal SIGKILL',
      reasonWords: words('engine-notices:exit.unexpectedSignal', { signal: 'SIGKILL' }),
    }
    renderDesk('ja', cluster)
    const members = await screen.findByRole('tabpanel', { name: 'メンバー' })
    const table = await within(members).findByRole('table', { name: 'demo のメンバー' })
    expect(within(table).getByText('シグナル SIGKILL で予期せず終了しました')).toBeVisible()
    const warning = screen.getAllByRole('alert').find((a) => a.textContent?.includes('run.json'))
    expect(warning).toHaveTextContent(
      'etcd Desk は実行中のメンバーを記録できませんでした (run.json): EACCES: permission denied。',
    )
    expect(document.body.textContent).not.toContain('exited unexpectedly')
    expect(document.body.textContent).not.toContain('could not record')
  })

  it('keeps English on "Automatic" in an English browser, and switches at once on a push', async () => {
    const api = renderDesk('auto')
    await screen.findByRole('table', { name: 'Members of demo' })
    expect(document.documentElement.lang).toBe('en')
    api.emit('settings:changed', {
      settings: { ...DEFAULT_SETTINGS, language: 'ja' },
      file: SETTINGS_FILE,
      loadError: null,
    })
    await screen.findByRole('table', { name: 'demo のメンバー' })
    expect(document.documentElement.lang).toBe('ja')
  })
})
