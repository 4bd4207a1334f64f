import i18next from 'i18next'
import type { EngineWords } from '../../shared/engine-words/engine-words'
import { englishCatalogues } from '../../shared/engine-words/english-catalogues'

const instance = i18next.createInstance()
void instance.init({
  lng: 'en',
  resources: { en: { ...englishCatalogues } },
  ns: Object.keys(englishCatalogues),
  // Why synchronous: the catalogues are in memory, and english() is called inside operations.
  initAsync: false,
  // Why no escaping: this text goes to logs, reports and errors, never into HTML unescaped.
  interpolation: { escapeValue: false },
})
// Why a loose signature: keys are checked where words are made (EngineWordsKey), not here.
const translate = instance.t.bind(instance) as unknown as (key: string, values: object) => string

/** Engine words in English: what the engine logs and keeps in its English fields. */
export function english(text: EngineWords): string {
  return translate(text.key, { ...text.values })
}
