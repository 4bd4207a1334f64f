import type { LanguageChoice } from '../../../shared/settings'
import { languageFor, type WindowLanguage } from '../../../shared/window-language'

export { WINDOW_LANGUAGES, languageOf, type WindowLanguage } from '../../../shared/window-language'

/** The OS's (the browser's) preferred languages, most preferred first. */
export function preferredLanguages(): readonly string[] {
  // Why both: navigator.languages is empty in some embedded browsers; navigator.language is not.
  if (typeof navigator === 'undefined') return []
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language]
}

/** The language a "Language" setting means now; undefined (old settings) is 'auto'. */
export function resolveLanguage(
  choice: LanguageChoice | undefined,
  preferred: readonly string[] = preferredLanguages(),
): WindowLanguage {
  return languageFor(choice, preferred)
}
