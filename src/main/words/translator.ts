import i18next from 'i18next'

/** Catalogues by language, then namespace (nested objects of strings). */
type Resources = Record<string, Record<string, object>>

/**
 * A function that words a catalogue key ("namespace:a.b") in `language` with i18next (plurals,
 * nesting, `{{values}}`), over catalogues already in memory; `fallback` words a missing key.
 */
export function translatorOf(
  language: string,
  resources: Resources,
  fallback: string | false = false,
): (key: string, values?: object) => string {
  const instance = i18next.createInstance()
  void instance.init({
    lng: language,
    fallbackLng: fallback,
    resources,
    ns: [...new Set(Object.values(resources).flatMap((r) => Object.keys(r)))],
    // Why synchronous: the catalogues are in memory, and words are asked for inside operations.
    initAsync: false,
    // Why no escaping: this text goes to logs, reports, menus and React (which escapes), never raw HTML.
    interpolation: { escapeValue: false },
  })
  // Why a loose signature: keys are checked where words are made (EngineWordsKey), not here.
  const t = instance.getFixedT(language) as unknown as (key: string, values?: object) => string
  return (key, values) => t(key, values ?? {})
}
