import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const I18N_DIR = join(import.meta.dirname, '../../../src/renderer/src/i18n')
const LOCALES = join(I18N_DIR, 'locales')
// The engine's words (steps, notices, rule messages): shared, because the engine writes English from them.
const ENGINE_WORDS_DIR = join(import.meta.dirname, '../../../src/shared/engine-words')
const ENGINE_LOCALES = join(ENGINE_WORDS_DIR, 'locales')
const LANGUAGES = ['en', 'ja'] as const

type Catalogue = { [key: string]: string | Catalogue }

/** The folder of a namespace's catalogues: the window's own, or the engine's (engine-*). */
function localesOf(namespace: string): string {
  return namespace.startsWith('engine-') ? ENGINE_LOCALES : LOCALES
}

function read(lang: string, namespace: string): Catalogue {
  const file = join(localesOf(namespace), lang, `${namespace}.json`)
  return JSON.parse(readFileSync(file, 'utf8')) as Catalogue
}

/** Every leaf of a catalogue as "a.b.c" → message. */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>()
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === 'string') leaves.set(prefix + key, value)
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) leaves.set(k, v)
  }
  return leaves
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/

/** Keys with plural forms folded into their base key (English has _one, Japanese only _other). */
function baseKeys(leaves: Map<string, string>): Set<string> {
  return new Set([...leaves.keys()].map((k) => k.replace(PLURAL_SUFFIX, '')))
}

/** The {{variables}} a message interpolates (formats like `, number` ignored). */
function variables(message: string): string[] {
  const names = [...message.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1])
  return [...new Set(names)].sort() as string[]
}

/** The <tags> a Trans message wraps around text: both languages must use the same. */
function tags(message: string): string[] {
  return [...new Set([...message.matchAll(/<(\w+)>/g)].map((m) => m[1] as string))].sort()
}

function namespaces(lang: string): string[] {
  return [...readdirSync(join(LOCALES, lang)), ...readdirSync(join(ENGINE_LOCALES, lang))]
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort()
}

describe('message catalogues', () => {
  it('has the same namespaces in English and Japanese', () => {
    expect(namespaces('en').length).toBeGreaterThan(0)
    expect(namespaces('ja')).toEqual(namespaces('en'))
  })

  it('types every namespace (i18next.d.ts or engine-words.ts names each English catalogue)', () => {
    const typing = readFileSync(join(I18N_DIR, 'i18next.d.ts'), 'utf8')
    const engineTyping = readFileSync(join(ENGINE_WORDS_DIR, 'engine-words.ts'), 'utf8')
    const engineEnglish = readFileSync(join(ENGINE_WORDS_DIR, 'english-catalogues.ts'), 'utf8')
    for (const ns of namespaces('en')) {
      if (!ns.startsWith('engine-')) expect(typing).toContain(`./locales/en/${ns}.json'`)
      else
        for (const file of [engineTyping, engineEnglish]) expect(file).toContain(`/en/${ns}.json'`)
    }
  })

  for (const ns of namespaces('en')) {
    describe(ns, () => {
      const en = flatten(read('en', ns))
      const ja = flatten(read('ja', ns))

      it('has the same keys in both languages', () => {
        expect([...baseKeys(ja)].sort()).toEqual([...baseKeys(en)].sort())
      })

      it('has the plural forms each language needs (Intl.PluralRules)', () => {
        for (const [lang, leaves] of [
          ['en', en],
          ['ja', ja],
        ] as const) {
          const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories
          const plurals = new Set(
            [...leaves.keys()]
              .filter((k) => PLURAL_SUFFIX.test(k))
              .map((k) => k.replace(PLURAL_SUFFIX, '')),
          )
          for (const base of plurals) {
            for (const category of needed)
              expect(leaves.has(`${base}_${category}`), `${lang} ${base}_${category}`).toBe(true)
          }
        }
      })

      it('has no empty message', () => {
        for (const lang of LANGUAGES) {
          const leaves = lang === 'en' ? en : ja
          for (const [key, message] of leaves)
            expect(message.trim(), `${lang} ${ns}:${key}`).not.toBe('')
        }
      })

      it('interpolates the same variables and tags in both languages', () => {
        for (const [key, message] of en) {
          const base = key.replace(PLURAL_SUFFIX, '')
          const match = ja.get(key) ?? ja.get(`${base}_other`)
          if (match === undefined) continue // reported by the key test
          // Why drop count in plurals: English "one" may say "a field" where Japanese counts.
          const vars = (m: string) =>
            variables(m).filter((v) => !(PLURAL_SUFFIX.test(key) && v === 'count'))
          expect(vars(match), `${ns}:${key}`).toEqual(vars(message))
          expect(tags(match), `${ns}:${key}`).toEqual(tags(message))
        }
      })
    })
  }
})
