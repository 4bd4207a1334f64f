import type { WindowLanguage } from './language'

/** One catalogue: a namespace's messages in one language (nested objects of strings). */
interface Catalogue {
  [key: string]: string | Catalogue
}

/** Every catalogue, by language then namespace. */
export type Resources = Record<WindowLanguage, Record<string, Catalogue>>

// Why a glob: each feature owns locales/<lang>/<feature>.json, and adding one needs no edit here.
const files = import.meta.glob<Catalogue>('./locales/*/*.json', { eager: true, import: 'default' })
// The engine's words (steps, warnings, exit reasons) live in shared: the engine writes English from them.
const engineFiles = import.meta.glob<Catalogue>('../../../shared/engine-words/locales/*/*.json', {
  eager: true,
  import: 'default',
})

/** locales/<lang>/<namespace>.json, gathered into i18next's resources. */
export const resources: Resources = { en: {}, ja: {} }
for (const [path, catalogue] of Object.entries({ ...files, ...engineFiles })) {
  const match = /\/locales\/(en|ja)\/([\w-]+)\.json$/.exec(path)
  if (!match) throw new Error(`Catalogue ${path} is not locales/<en|ja>/<namespace>.json`)
  resources[match[1] as WindowLanguage][match[2] as string] = catalogue
}

/** Every namespace (the English catalogues name them; the unit test checks Japanese has the same). */
export const namespaces = Object.keys(resources.en)
