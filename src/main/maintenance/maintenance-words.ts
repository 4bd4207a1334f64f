import {
  words,
  type EngineWords,
  type EngineWordsKey,
  type EngineWordsValues,
} from '../../shared/engine-words/engine-words'

/** A key of the engine-steps-maintenance catalogue, without its namespace ("step.compacting"). */
export type MaintenanceWordsKey = EngineWordsKey extends infer K
  ? K extends `engine-steps-maintenance:${infer Rest}`
    ? Rest
    : never
  : never

/**
 * Words of the maintenance, upgrade, TLS and auth operations (labels, steps, report notes) from
 * the engine-steps-maintenance catalogue: `say('step.compacting', { revision })`.
 */
export function say(key: MaintenanceWordsKey, values?: EngineWordsValues): EngineWords {
  return words(`engine-steps-maintenance:${key}`, values)
}
