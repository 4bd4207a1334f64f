import type { EngineWords } from '../../shared/engine-words/engine-words'
import { englishCatalogues } from '../../shared/engine-words/english-catalogues'
import { translatorOf } from './translator'

const translate = translatorOf('en', { en: { ...englishCatalogues } })

/** Engine words in English: what the engine logs and keeps in its English fields. */
export function english(text: EngineWords): string {
  return translate(text.key, { ...text.values })
}
