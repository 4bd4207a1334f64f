import type { MenuItemConstructorOptions } from 'electron'
import { APP_SHORTCUTS, type AppCommand } from '../../shared/app-commands'

/** What the menu needs from the shell. */
export interface AppMenuActions {
  /** Development build: Reload and DevTools are offered only then. */
  isDev: boolean
  isMac: boolean
  send: (command: AppCommand) => void
  showAbout: () => void
  openDocs: () => void
}

/** The standard app menu: File, Edit, View, Window, Help, with the app's shortcuts. */
export function appMenuTemplate(actions: AppMenuActions): MenuItemConstructorOptions[] {
  const command = (label: string, name: AppCommand): MenuItemConstructorOptions => ({
    label,
    accelerator: APP_SHORTCUTS[name],
    click: () => actions.send(name),
  })
  const about: MenuItemConstructorOptions = { label: 'About etcd Desk', click: actions.showAbout }
  // Platform branch: macOS puts About, Settings and Quit in the application menu.
  const macApp: MenuItemConstructorOptions[] = actions.isMac
    ? [
        {
          label: 'etcd Desk',
          submenu: [
            about,
            { type: 'separator' },
            command('Settings…', 'show-settings'),
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
    label: 'File',
    submenu: [
      command('Create cluster…', 'create-cluster'),
      ...(actions.isMac ? [] : [command('Settings…', 'show-settings')]),
      { type: 'separator' },
      actions.isMac ? { role: 'close' } : { role: 'quit' },
    ],
  }
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      command('Find', 'find'),
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
    label: 'View',
    submenu: [
      command('Logs', 'show-logs'),
      command('Keys', 'show-keys'),
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
      { label: 'etcd documentation', click: actions.openDocs },
      ...(actions.isMac ? [] : [{ type: 'separator' as const }, about]),
    ],
  }
  return [...macApp, file, edit, view, { role: 'windowMenu' }, help]
}
