import { z } from 'zod'
import { VERSION_PATTERN } from './cluster-rules'
import { DEFAULT_SEARCH_MAX_RESULTS, SEARCH_RESULT_LIMITS } from './key-search'
import { words, type EngineWords } from './engine-words/engine-words'
import englishRules from './engine-words/locales/en/engine-rules.json'

/** What quitting the app does with running clusters. */
export type QuitBehavior = 'stop-clusters' | 'keep-running'

/** The window's languages; 'auto' follows the OS (the browser's preferred languages). */
export const LANGUAGE_CHOICES = ['auto', 'en', 'ja'] as const

/** The "Language" setting: 'auto' or one of the window's languages. */
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number]

/** The user's settings, as saved and as the Settings screen shows them. */
export interface Settings {
  /** Where clusters, logs and releases live; null = the platform default. Applies at next launch. */
  dataDir: string | null
  /** The etcd a new cluster uses: 'system' (PATH or ETCD_DESK_ETCD) or a release version. */
  defaultEtcdVersion: string
  /** Base URL tried before the built-in release sources, or null. */
  releaseMirror: string | null
  /** How long a member may take to become healthy. */
  startTimeoutMs: number
  /** Crash-loop policy for members that exit on their own (pm2's min_uptime/max_restarts). */
  autoRestart: {
    enabled: boolean
    maxRestarts: number
    minUptimeMs: number
    backoffMs: number
  }
  /** Stop every cluster on quit, or leave members running for the next launch to adopt. */
  quitBehavior: QuitBehavior
  /**
   * A key search stops after this many matches. Optional: settings saved before it existed lack
   * it (DEFAULT_SEARCH_MAX_RESULTS applies).
   */
  searchMaxResults?: number
  /** The window's language. Optional: settings saved before it existed lack it ('auto' applies). */
  language?: LanguageChoice
}

/** Bounds of the numeric settings, shared by the schema and the Settings screen's inputs. */
export const SETTINGS_LIMITS = {
  // Why 5 s: a healthy 3-member cold start takes up to ~2.6 s; less would fail healthy clusters.
  // Why 5 min: longer only hides a member that will never start.
  startTimeoutMs: { min: 5_000, max: 300_000 },
  maxRestarts: { min: 1, max: 20 },
  // Why at least 1 s: below that every crash counts as "ran long enough" and the limit never trips.
  minUptimeMs: { min: 1_000, max: 600_000 },
  // Why at least 100 ms: a crash loop without a pause spins the CPU (pm2's restart_delay).
  backoffMs: { min: 100, max: 60_000 },
} as const

/** Settings of a fresh install: the engine's defaults too (it reads them from here). */
export const DEFAULT_SETTINGS: Settings = {
  dataDir: null,
  defaultEtcdVersion: 'system',
  releaseMirror: null,
  // Why 30 s: a healthy 3-member cold start takes ≤ 2.6 s here (ETCD-FACTS); slow disks need more.
  startTimeoutMs: 30_000,
  // Off: a learner kills members on purpose and wants to see them stay down.
  autoRestart: { enabled: false, maxRestarts: 3, minUptimeMs: 10_000, backoffMs: 1_000 },
  quitBehavior: 'stop-clusters',
  searchMaxResults: DEFAULT_SEARCH_MAX_RESULTS,
  language: 'auto',
}

/** Settings that only take effect when the app starts again. */
export const RESTART_REQUIRED_SETTINGS: ReadonlyArray<keyof Settings> = ['dataDir']

const between = (limits: { min: number; max: number }) =>
  z.number().int().min(limits.min).max(limits.max)

const noNul = (value: string) => !value.includes('\0')

// Why from the English catalogue: the schema's messages are the rules' English words, written once.
const RULES = englishRules.settings

/** The words of a settings rule's message (zod's or the engine's issue), or null for another message. */
export function settingsRuleWords(message: string): EngineWords | null {
  const rule = (Object.keys(RULES) as (keyof typeof RULES)[]).find((r) => RULES[r] === message)
  return rule ? words(`engine-rules:settings.${rule}`) : null
}

/** An absolute path (POSIX, drive letter or UNC) without NUL bytes or ".." segments. */
const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine(noNul, RULES.noNul)
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), RULES.absolutePath)
  .refine((p) => !p.split(/[\\/]/).includes('..'), RULES.dotDot)

/**
 * A mirror base URL: http(s) only, and nothing the engine could not append `/v<version>/<file>`
 * to (no query or fragment); no user:password, which would sit in a plain file and in logs.
 */
const mirrorUrl = z
  .url({ protocol: /^https?$/, error: RULES.httpUrl })
  .max(2048)
  .refine((u) => !/[?#]/.test(u), RULES.queryOrFragment)
  .refine((u) => !/^[a-z]+:\/\/[^/]*@/i.test(u), RULES.credentials)

/** One auto-restart policy; unknown keys are refused. */
const autoRestartSchema = z.strictObject({
  enabled: z.boolean(),
  maxRestarts: between(SETTINGS_LIMITS.maxRestarts),
  minUptimeMs: between(SETTINGS_LIMITS.minUptimeMs),
  backoffMs: between(SETTINGS_LIMITS.backoffMs),
})

/** Complete settings (the saved file); unknown keys are refused. */
export const settingsSchema = z.strictObject({
  dataDir: absolutePath.nullable(),
  defaultEtcdVersion: z.union([z.literal('system'), z.string().regex(VERSION_PATTERN)]),
  releaseMirror: mirrorUrl.nullable(),
  startTimeoutMs: between(SETTINGS_LIMITS.startTimeoutMs),
  autoRestart: autoRestartSchema,
  quitBehavior: z.enum(['stop-clusters', 'keep-running']),
  searchMaxResults: between(SEARCH_RESULT_LIMITS).optional(),
  language: z.enum(LANGUAGE_CHOICES).optional(),
}) satisfies z.ZodType<Settings>

/** A partial update: any subset of the settings, autoRestart itself partial; unknown keys refused. */
export const settingsPatchSchema = z.strictObject({
  ...settingsSchema.partial().shape,
  autoRestart: autoRestartSchema.partial().optional(),
})

/** A partial update of the settings. */
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

/** Applies a (validated) patch to settings; nested autoRestart fields are merged one by one. */
export function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  const { autoRestart, ...rest } = patch
  return {
    ...current,
    ...definedOnly(rest),
    autoRestart: { ...current.autoRestart, ...definedOnly(autoRestart ?? {}) },
  }
}

// Why: `{ key: undefined }` passes an optional field, but must not erase the current value.
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

/** The settings as the engine holds them, with where they live and why a saved file was not used. */
export interface SettingsView {
  settings: Settings
  /** The settings file, or null when settings are kept in memory only. */
  file: string | null
  /** Why the saved file could not be used (defaults are in effect until the next save), or null. */
  loadError: string | null
}

/** The outcome of `settings:update`. */
export interface SettingsUpdateResult extends SettingsView {
  /** True when this update changed a setting that takes effect at next launch (the data dir). */
  requiresRestart: boolean
}
