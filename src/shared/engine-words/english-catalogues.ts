import stepsCluster from './locales/en/engine-steps-cluster.json'
import stepsMaintenance from './locales/en/engine-steps-maintenance.json'
import notices from './locales/en/engine-notices.json'
import rules from './locales/en/engine-rules.json'
import menu from './locales/en/engine-menu.json'
import type { EngineCatalogues } from './engine-words'

/** The English catalogues the engine writes its logs and English fields from. */
export const englishCatalogues: EngineCatalogues = {
  'engine-steps-cluster': stepsCluster,
  'engine-steps-maintenance': stepsMaintenance,
  'engine-notices': notices,
  'engine-rules': rules,
  'engine-menu': menu,
}
