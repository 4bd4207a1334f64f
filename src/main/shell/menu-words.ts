import i18next from 'i18next'
import type { WindowLanguage } from '../../shared/window-language'
import en from '../../shared/engine-words/locales/en/engine-menu.json'
import ja from '../../shared/engine-words/locales/ja/engine-menu.json'

/** One item of the app menu that etcd Desk names itself (Electron names the standard roles). */
export type MenuWord = keyof typeof en

const instance = i18next.createInstance()
void instance.init({
  resources: { en: { 'engine-menu': en }, ja: { 'engine-menu': ja } },
  ns: ['engine-menu'],
  defaultNS: 'engine-menu',
  fallbackLng: 'en',
  // Why synchronous: the menu is built at start-up and again when the language changes.
  initAsync: false,
  interpolation: { escapeValue: false },
})

/** The app menu's own words in a language (the "Language" setting, or the OS's on Automatic). */
export function menuWords(language: WindowLanguage): (word: MenuWord) => string {
  const t = instance.getFixedT(language, 'engine-menu') as unknown as (key: string) => string
  return (word) => t(word)
}
