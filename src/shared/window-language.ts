import type { LanguageChoice } from './settings'

/** The languages etcd Desk speaks (the window and the app menu), English first (the fallback). */
export const WINDOW_LANGUAGES = ['en', 'ja'] as const

/** One language etcd Desk speaks. */
export type WindowLanguage = (typeof WINDOW_LANGUAGES)[number]

/** The language to speak for the first of `preferred` (BCP 47 tags) etcd Desk knows. */
export function languageOf(preferred: readonly string[]): WindowLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0]
    const known = WINDOW_LANGUAGES.find((l) => l === base)
    if (known) return known
  }
  return 'en'
}

/** The language a "Language" setting means for these preferred languages; undefined is 'auto'. */
export function languageFor(
  choice: LanguageChoice | undefined,
  preferred: readonly string[],
): WindowLanguage {
  return choice === 'en' || choice === 'ja' ? choice : languageOf(preferred)
}
