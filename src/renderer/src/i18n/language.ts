import type { LanguageChoice } from '../../../shared/settings'

/** The languages the window speaks, English first (the fallback). */
export const WINDOW_LANGUAGES = ['en', 'ja'] as const

/** One language the window speaks. */
export type WindowLanguage = (typeof WINDOW_LANGUAGES)[number]

/** The language the window should speak for the first of `preferred` (BCP 47 tags) it knows. */
export function languageOf(preferred: readonly string[]): WindowLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0]
    const known = WINDOW_LANGUAGES.find((l) => l === base)
    if (known) return known
  }
  return 'en'
}

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
  return choice === 'en' || choice === 'ja' ? choice : languageOf(preferred)
}
