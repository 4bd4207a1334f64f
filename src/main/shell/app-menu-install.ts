import { app, Menu } from 'electron'
import { languageFor } from '../../shared/window-language'
import type { SettingsStore } from '../settings/settings-store'
import { appMenuTemplate, type AppMenuActions } from './app-menu'
import { menuWords } from './menu-words'

/**
 * Sets the app menu in the app's language ("Language" in Settings; on Automatic the OS's preferred
 * languages, as the window does) and sets it again whenever that setting changes.
 */
export function installAppMenu(
  settings: SettingsStore,
  actions: Omit<AppMenuActions, 'say'>,
): void {
  const install = () => {
    const language = languageFor(settings.current.language, app.getPreferredSystemLanguages())
    const template = appMenuTemplate({ ...actions, say: menuWords(language) })
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }
  install()
  settings.on('changed', (_view, changed) => {
    if (changed.includes('language')) install()
  })
}
