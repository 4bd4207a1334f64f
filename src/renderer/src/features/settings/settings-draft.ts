import {
  SETTINGS_LIMITS,
  settingsSchema,
  type LanguageChoice,
  type QuitBehavior,
  type Settings,
  type SettingsPatch,
  settingsRuleWords,
} from '../../../../shared/settings'
import { DEFAULT_SEARCH_MAX_RESULTS, SEARCH_RESULT_LIMITS } from '../../../../shared/key-search'
import { i18n } from '../../i18n'
import { engineWordsText } from '../../i18n/engine-words'

/** The Settings form as typed: text as entered, durations in seconds. */
export interface SettingsDraft {
  /** Empty = the platform default. */
  dataDir: string
  defaultEtcdVersion: string
  /** Empty = no mirror. */
  releaseMirror: string
  startTimeout: string
  isAutoRestartOn: boolean
  maxRestarts: string
  minUptime: string
  restartDelay: string
  quitBehavior: QuitBehavior
  /** "At most N results" of a key search. */
  searchMaxResults: string
  /** The window's language ('auto' follows the OS). */
  language: LanguageChoice
}

/** One field of the form. */
export type DraftField = keyof SettingsDraft

/** Field → what is wrong with it. */
export type FieldErrors = Partial<Record<DraftField, string>>

type NumberField =
  'startTimeout' | 'maxRestarts' | 'minUptime' | 'restartDelay' | 'searchMaxResults'

/** Each numeric field: its limits (as the schema holds them) and whether it is shown in seconds. */
const NUMBER_FIELDS: Record<NumberField, { limits: { min: number; max: number }; isMs: boolean }> =
  {
    startTimeout: { limits: SETTINGS_LIMITS.startTimeoutMs, isMs: true },
    maxRestarts: { limits: SETTINGS_LIMITS.maxRestarts, isMs: false },
    minUptime: { limits: SETTINGS_LIMITS.minUptimeMs, isMs: true },
    restartDelay: { limits: SETTINGS_LIMITS.backoffMs, isMs: true },
    searchMaxResults: { limits: SEARCH_RESULT_LIMITS, isMs: false },
  }

/** Settings paths (as zod and the engine name them) → form fields. */
const FIELD_OF_PATH: Record<string, DraftField> = {
  dataDir: 'dataDir',
  defaultEtcdVersion: 'defaultEtcdVersion',
  releaseMirror: 'releaseMirror',
  startTimeoutMs: 'startTimeout',
  'autoRestart.enabled': 'isAutoRestartOn',
  'autoRestart.maxRestarts': 'maxRestarts',
  'autoRestart.minUptimeMs': 'minUptime',
  'autoRestart.backoffMs': 'restartDelay',
  quitBehavior: 'quitBehavior',
  searchMaxResults: 'searchMaxResults',
  language: 'language',
}

const seconds = (ms: number) => String(ms / 1000)

/** The form showing `settings`. */
export function toDraft(settings: Settings): SettingsDraft {
  const auto = settings.autoRestart
  return {
    dataDir: settings.dataDir ?? '',
    defaultEtcdVersion: settings.defaultEtcdVersion,
    releaseMirror: settings.releaseMirror ?? '',
    startTimeout: seconds(settings.startTimeoutMs),
    isAutoRestartOn: auto.enabled,
    maxRestarts: String(auto.maxRestarts),
    minUptime: seconds(auto.minUptimeMs),
    restartDelay: seconds(auto.backoffMs),
    quitBehavior: settings.quitBehavior,
    searchMaxResults: String(settings.searchMaxResults ?? DEFAULT_SEARCH_MAX_RESULTS),
    language: settings.language ?? 'auto',
  }
}

/** What a numeric field accepts, in the unit the form shows. */
function rangeMessage(field: NumberField): string {
  const { limits, isMs } = NUMBER_FIELDS[field]
  return isMs
    ? i18n.t('settings:draft.rangeSeconds', { min: seconds(limits.min), max: seconds(limits.max) })
    : i18n.t('settings:draft.rangeWhole', { min: limits.min, max: limits.max })
}

function isNumberField(field: DraftField): field is NumberField {
  return field in NUMBER_FIELDS
}

/** A field's message for a schema issue: ranges in the form's units, other messages as they are. */
function fieldMessage(field: DraftField, message: string): string {
  if (isNumberField(field)) return rangeMessage(field)
  if (field === 'defaultEtcdVersion') return i18n.t('settings:draft.version')
  const rule = settingsRuleWords(message)
  const text = rule ? engineWordsText(i18n.t)(rule, message) : message
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Maps schema issues (zod's or the engine's INVALID_REQUEST detail) onto the form's fields. */
export function issuesToFieldErrors(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) {
    const field = FIELD_OF_PATH[issue.path.map(String).join('.')]
    if (field && !errors[field]) errors[field] = fieldMessage(field, issue.message)
  }
  return errors
}

function toNumber(text: string, isMs: boolean): number {
  const value = text.trim() === '' ? NaN : Number(text)
  return isMs ? Math.round(value * 1000) : value
}

/** The settings the form stands for, or what is wrong with each field (checked with the schema). */
export function parseDraft(
  draft: SettingsDraft,
): { ok: true; settings: Settings } | { ok: false; errors: FieldErrors } {
  const number = (field: NumberField) => toNumber(draft[field], NUMBER_FIELDS[field].isMs)
  const candidate = {
    dataDir: draft.dataDir.trim() === '' ? null : draft.dataDir.trim(),
    defaultEtcdVersion: draft.defaultEtcdVersion,
    releaseMirror: draft.releaseMirror.trim() === '' ? null : draft.releaseMirror.trim(),
    startTimeoutMs: number('startTimeout'),
    autoRestart: {
      enabled: draft.isAutoRestartOn,
      maxRestarts: number('maxRestarts'),
      minUptimeMs: number('minUptime'),
      backoffMs: number('restartDelay'),
    },
    quitBehavior: draft.quitBehavior,
    searchMaxResults: number('searchMaxResults'),
    language: draft.language,
  }
  const parsed = settingsSchema.safeParse(candidate)
  return parsed.success
    ? { ok: true, settings: parsed.data }
    : { ok: false, errors: issuesToFieldErrors(parsed.error.issues) }
}

/** Only what differs from `base`, so a save never overwrites a setting changed elsewhere. */
export function settingsPatch(base: Settings, next: Settings): SettingsPatch {
  const patch: SettingsPatch = {}
  const keys = Object.keys(next) as Array<keyof Settings>
  for (const key of keys) {
    if (key === 'autoRestart' || next[key] === base[key]) continue
    // Settings saved before "Language" existed lack it: that is 'auto', not a change.
    if (key === 'language' && next.language === (base.language ?? 'auto')) continue
    Object.assign(patch, { [key]: next[key] })
  }
  const auto = next.autoRestart
  const autoKeys = Object.keys(auto) as Array<keyof typeof auto>
  const changedAuto = autoKeys.filter((k) => auto[k] !== base.autoRestart[k])
  if (changedAuto.length > 0) {
    patch.autoRestart = Object.fromEntries(changedAuto.map((k) => [k, auto[k]]))
  }
  return patch
}

/**
 * The form after the saved settings changed from `oldBase` to `newBase` (a save elsewhere, or
 * ours): fields the user has not touched follow the new settings, edited fields keep the edit.
 */
export function rebaseDraft(
  draft: SettingsDraft,
  oldBase: Settings,
  newBase: Settings,
): SettingsDraft {
  const before = toDraft(oldBase)
  const after = toDraft(newBase)
  const keys = Object.keys(draft) as DraftField[]
  return Object.fromEntries(
    keys.map((k) => [k, draft[k] === before[k] ? after[k] : draft[k]]),
  ) as unknown as SettingsDraft
}

/** True when the form differs from the saved settings. */
export function isDraftChanged(draft: SettingsDraft, base: Settings): boolean {
  const saved = toDraft(base)
  return (Object.keys(draft) as DraftField[]).some((k) => draft[k] !== saved[k])
}
