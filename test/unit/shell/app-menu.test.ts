import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { aboutText } from '../../../src/main/shell/about-text'
import { appMenuTemplate, type AppMenuActions } from '../../../src/main/shell/app-menu'
import { menuWords } from '../../../src/main/shell/menu-words'
import { commandForKey } from '../../../src/shared/app-commands'

/** Every item of a menu template, depth first. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ])
}

function menu(over: Partial<AppMenuActions> = {}) {
  const actions: AppMenuActions = {
    isDev: false,
    isMac: false,
    send: vi.fn(),
    showAbout: vi.fn(),
    openDocs: vi.fn(),
    say: menuWords('en'),
    ...over,
  }
  return { actions, items: flatten(appMenuTemplate(actions)) }
}

describe('the app menu', () => {
  it('has shortcuts for Create cluster, Logs, Keys, Find and Settings that reach the window', () => {
    const { actions, items } = menu()
    const expected: [string, string, string][] = [
      ['Create cluster…', 'CmdOrCtrl+N', 'create-cluster'],
      ['Logs', 'CmdOrCtrl+L', 'show-logs'],
      ['Keys', 'CmdOrCtrl+K', 'show-keys'],
      ['Find', 'CmdOrCtrl+F', 'find'],
      ['Settings…', 'CmdOrCtrl+,', 'show-settings'],
    ]
    for (const [label, accelerator, command] of expected) {
      const item = items.find((i) => i.label === label)
      expect(item?.accelerator, label).toBe(accelerator)
      ;(item?.click as () => void)()
      expect(actions.send).toHaveBeenLastCalledWith(command)
    }
  })

  it("names its own items in the app's language; the same shortcuts, the same commands", () => {
    const { actions, items } = menu({ say: menuWords('ja') })
    const labels = items.map((i) => i.label).filter(Boolean)
    expect(labels).toEqual(
      expect.arrayContaining([
        'ファイル',
        '編集',
        '表示',
        'クラスタを作成…',
        'ログ',
        'キー',
        '検索',
      ]),
    )
    expect(labels.join(' ')).not.toMatch(/File|Edit|View|Create|Logs|Keys|Find|Settings|About/)
    const create = items.find((i) => i.label === 'クラスタを作成…')
    expect(create?.accelerator).toBe('CmdOrCtrl+N')
    ;(create?.click as () => void)()
    expect(actions.send).toHaveBeenLastCalledWith('create-cluster')
  })

  it('offers Reload and DevTools only in development', () => {
    const roles = (isDev: boolean) =>
      menu({ isDev })
        .items.map((i) => i.role)
        .filter(Boolean)
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(false)).not.toContain('reload')
    expect(roles(true)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload', 'forceReload']))
  })

  it('has About (in Help, or in the app menu on macOS) and the standard edit roles', () => {
    for (const isMac of [false, true]) {
      const { actions, items } = menu({ isMac })
      ;(items.find((i) => i.label === 'About etcd Desk')?.click as () => void)()
      expect(actions.showAbout).toHaveBeenCalledOnce()
      expect(items.map((i) => i.role)).toEqual(
        expect.arrayContaining(['copy', 'paste', 'selectAll', 'quit']),
      )
    }
  })

  it('maps the same shortcuts from key presses for browser mode', () => {
    const key = (
      k: string,
      mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = { ctrlKey: true },
    ) =>
      commandForKey({
        key: k,
        ctrlKey: false,
        metaKey: false,
        altKey: false,
        shiftKey: false,
        ...mods,
      })
    expect(key('k')).toBe('show-keys')
    expect(key('N', { metaKey: true })).toBe('create-cluster')
    expect(key(',')).toBe('show-settings')
    expect(key('k', {})).toBeNull()
    expect(key('k', { ctrlKey: true, shiftKey: true })).toBeNull()
  })
})

describe('About', () => {
  it('names etcd Desk, Electron, Node and every etcd binary in use', () => {
    const text = aboutText({
      appVersion: '0.1.0',
      electron: '45.4.1',
      node: '22.1.0',
      chrome: '140',
      systemEtcd: { version: '3.4.23', path: '/usr/bin/etcd' },
      clusterVersions: [{ cluster: 'tutorial', version: '3.5.17' }],
      installedReleases: ['3.5.17', '3.6.4'],
    })
    for (const part of [
      'etcd Desk 0.1.0',
      'Electron 45.4.1',
      'Node 22.1.0',
      'System etcd 3.4.23 (/usr/bin/etcd)',
      '3.5.17, 3.6.4',
      'tutorial: etcd 3.5.17',
    ]) {
      expect(text).toContain(part)
    }
  })
})
