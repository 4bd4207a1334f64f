import type { MenuItemConstructorOptions } from 'electron'
import { APP_SHORTCUTS, type AppCommand } from '../../shared/app-commands'
import type { MenuWord } from './menu-words'

/** What the menu needs from the shell. */
export interface AppMenuActions {
  /** Development build: Reload and DevTools are offered only then. */
  isDev: boolean
  isMac: boolean
  send: (command: AppCommand) => void
  showAbout: () => void
  openDocs: () => void
  /** The menu's own words in the app's language (Electron names the standard roles itself). */
  say: (word: MenuWord) => string
}

/** The standard app menu: File, Edit, View, Window, Help, with the app's shortcuts. */
export function appMenuTemplate(actions: AppMenuActions): MenuItemConstructorOptions[] {
  const { say } = actions
  const command = (word: MenuWord, name: AppCommand): MenuItemConstructorOptions => ({
    label: say(word),
    accelerator: APP_SHORTCUTS[name],
    click: () => actions.send(name),
  })
  const about: MenuItemConstructorOptions = { label: say('about'), click: actions.showAbout }
  // Platform branch: macOS puts About, Settings and Quit in the application menu.
  const macApp: MenuItemConstructorOptions[] = actions.isMac
    ? [
        {
          label: 'etcd Desk',
          submenu: [
            about,
            { type: 'separator' },
            command('settings', 'show-settings'),
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : []
  const file: MenuItemConstructorOptions = {
    label: say('file'),
    submenu: [
      command('createCluster', 'create-cluster'),
      ...(actions.isMac ? [] : [command('settings', 'show-settings')]),
      { type: 'separator' },
      actions.isMac ? { role: 'close' } : { role: 'quit' },
    ],
  }
  const edit: MenuItemConstructorOptions = {
    label: say('edit'),
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      command('find', 'find'),
    ],
  }
  const devOnly: MenuItemConstructorOptions[] = actions.isDev
    ? [
        { type: 'separator' },
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
      ]
    : []
  const view: MenuItemConstructorOptions = {
    label: say('view'),
    submenu: [
      command('logs', 'show-logs'),
      command('keys', 'show-keys'),
      ...devOnly,
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  }
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: say('docs'), click: actions.openDocs },
      ...(actions.isMac ? [] : [{ type: 'separator' as const }, about]),
    ],
  }
  return [...macApp, file, edit, view, { role: 'windowMenu' }, help]
}
