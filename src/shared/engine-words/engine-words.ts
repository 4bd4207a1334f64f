import type stepsCluster from './locales/en/engine-steps-cluster.json'
import type stepsMaintenance from './locales/en/engine-steps-maintenance.json'
import type notices from './locales/en/engine-notices.json'
import type rules from './locales/en/engine-rules.json'
import type menu from './locales/en/engine-menu.json'

/**
 * The engine's catalogues of words for the window, by namespace
 * (src/shared/engine-words/locales/<lang>/<namespace>.json). A new namespace adds one line here.
 */
export interface EngineCatalogues {
  'engine-steps-cluster': typeof stepsCluster
  'engine-steps-maintenance': typeof stepsMaintenance
  'engine-notices': typeof notices
  'engine-rules': typeof rules
  'engine-menu': typeof menu
}

/** A plural form's key without its suffix ("members_one" → "members"), as i18next takes it. */
type Base<K extends string> =
  K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? B : K

/** Every message key of a catalogue, "a.b.c". */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? Base<`${P}${K}`> : Leaves<T[K], `${P}${K}.`>
}[keyof T & string]

/** A message of the engine's catalogues: "namespace:a.b". */
export type EngineWordsKey = {
  [N in keyof EngineCatalogues]: `${N}:${Leaves<EngineCatalogues[N]>}`
}[keyof EngineCatalogues]

/** What a message names: members, clusters, revisions, counts ("count" picks a plural form). */
export type EngineWordsValues = Readonly<Record<string, string | number>>

/**
 * Words the engine writes for the window (a step, a warning, an exit reason): a catalogue key and
 * the values it names. The engine logs them in English; the window shows them in its language.
 */
export interface EngineWords {
  key: EngineWordsKey
  values?: EngineWordsValues
}

/** Words from a catalogue key and what it names. */
export function words(key: EngineWordsKey, values?: EngineWordsValues): EngineWords {
  return values ? { key, values } : { key }
}
