import i18next, { type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { resolveLanguage, WINDOW_LANGUAGES } from './language'
import { namespaces, resources } from './resources'

/**
 * The window's i18next: every catalogue bundled (no loading, so the first render is already in
 * the right language), plurals by Intl.PluralRules, numbers and dates by Intl (`{{n, number}}`).
 * Starts in the OS's language; LanguageFromSettings applies the "Language" setting.
 */
export const i18n: I18n = i18next.createInstance()

void i18n.use(initReactI18next).init({
  resources,
  lng: resolveLanguage('auto'),
  fallbackLng: 'en',
  supportedLngs: [...WINDOW_LANGUAGES],
  ns: namespaces,
  defaultNS: 'common',
  // Why: the catalogues are in memory; synchronous init lets the first render be translated.
  initAsync: false,
  // Why no escaping: React escapes what it renders; escaping here would show "&amp;".
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
  returnNull: false,
})

// The page's language follows the window's, for screen readers, fonts and spelling.
const followLang = (lng: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng
}
followLang(i18n.language)
i18n.on('languageChanged', followLang)

/** The hooks and component features use; importing them from here guarantees the init above. */
export { Trans, useTranslation } from 'react-i18next'
