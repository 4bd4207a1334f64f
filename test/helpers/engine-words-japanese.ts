import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import i18next from 'i18next'
import type { EngineWords, EngineWordsKey } from '../../src/shared/engine-words/engine-words'

const LOCALES = join(import.meta.dirname, '../../src/shared/engine-words/locales')

type Catalogue = { [key: string]: string | Catalogue }

/** Every engine catalogue of a language, by namespace, as read from its JSON file. */
function catalogues(lang: 'en' | 'ja'): Record<string, Catalogue> {
  const files = readdirSync(join(LOCALES, lang)).filter((f) => f.endsWith('.json'))
  return Object.fromEntries(
    files.map((f) => [
      f.slice(0, -'.json'.length),
      JSON.parse(readFileSync(join(LOCALES, lang, f), 'utf8')) as Catalogue,
    ]),
  )
}

const ja = catalogues('ja')
const instance = i18next.createInstance()
void instance.init({
  lng: 'ja',
  fallbackLng: false,
  resources: { ja },
  ns: Object.keys(ja),
  // Why synchronous: the catalogues are in memory; tests read the words at once.
  initAsync: false,
  interpolation: { escapeValue: false },
})
const translate = instance.t.bind(instance) as unknown as (key: string, values: object) => string

/** Engine words in Japanese, as the window's i18next renders them (nesting and plurals included). */
export function japaneseWords(text: EngineWords): string {
  return translate(text.key, { ...text.values })
}

/** The Japanese message of an engine key as written in its catalogue, or undefined. */
export function japaneseMessage(key: EngineWordsKey): string | undefined {
  const [namespace, path] = key.split(':') as [string, string]
  let node: string | Catalogue | undefined = ja[namespace]
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined
  return typeof node === 'string' ? node : undefined
}
