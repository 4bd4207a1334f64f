import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { EngineWords, EngineWordsKey } from '../../src/shared/engine-words/engine-words'
import { translatorOf } from '../../src/main/words/translator'

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
const translate = translatorOf('ja', { ja })

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
