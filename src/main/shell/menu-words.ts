import type { WindowLanguage } from '../../shared/window-language'
import en from '../../shared/engine-words/locales/en/engine-menu.json'
import ja from '../../shared/engine-words/locales/ja/engine-menu.json'
import { translatorOf } from '../words/translator'

/** One item of the app menu that etcd Desk names itself (Electron names the standard roles). */
export type MenuWord = keyof typeof en

const resources = { en: { 'engine-menu': en }, ja: { 'engine-menu': ja } }

/** The app menu's own words in a language (the "Language" setting, or the OS's on Automatic). */
export function menuWords(language: WindowLanguage): (word: MenuWord) => string {
  const translate = translatorOf(language, resources, 'en')
  return (word) => translate(`engine-menu:${word}`)
}
