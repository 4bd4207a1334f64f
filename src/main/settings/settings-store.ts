import { EventEmitter } from 'node:events'
import { mkdir, rename } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { z } from 'zod'
import {
  DEFAULT_SETTINGS,
  mergeSettings,
  RESTART_REQUIRED_SETTINGS,
  settingsPatchSchema,
  settingsSchema,
  type QuitBehavior,
  type Settings,
  type SettingsView,
} from '../../shared/settings'
import { EngineError } from '../errors/engine-error'
import { defaultConfigDir } from '../store/data-layout'
import { readJsonFile, writeJsonAtomic } from '../store/json-file'
import { checkDataDirChoice } from './data-dir-choice'

/** Name of the settings file inside the config directory. */
export const SETTINGS_FILE = 'settings.json'
/** Where an unusable settings file is moved before the first save overwrites it. */
export const INVALID_SETTINGS_FILE = 'settings.invalid.json'
/** Format of the settings file; bumped when a setting changes meaning. */
const SETTINGS_FORMAT = 1

/** Events of the settings store. */
export interface SettingsStoreEvents {
  changed: [view: SettingsView, changed: Array<keyof Settings>]
}

/** The outcome of an update: the new view and which settings changed value. */
export interface SettingsChange {
  view: SettingsView
  changed: Array<keyof Settings>
  requiresRestart: boolean
}

/**
 * The user's settings, persisted atomically as JSON in the config directory. A file that cannot be
 * used is reported through `loadError` and left alone (defaults apply) until the next save, which
 * first moves it aside; it is never reset silently.
 */
export class SettingsStore extends EventEmitter<SettingsStoreEvents> {
  private settings: Settings
  private loadError: string | null
  private writes: Promise<unknown> = Promise.resolve()

  private constructor(
    readonly file: string | null,
    loaded: { settings: Settings; error: string | null },
  ) {
    super()
    this.settings = loaded.settings
    this.loadError = loaded.error
  }

  /** Opens the settings of a config directory (default: defaultConfigDir()); never throws. */
  static async open(configDir: string = defaultConfigDir()): Promise<SettingsStore> {
    const file = join(configDir, SETTINGS_FILE)
    return new SettingsStore(file, await loadSettings(file))
  }

  /** Settings kept in memory only (defaults), for an engine opened without a settings file. */
  static inMemory(): SettingsStore {
    return new SettingsStore(null, { settings: structuredClone(DEFAULT_SETTINGS), error: null })
  }

  /** The settings in effect (a copy). */
  get current(): Settings {
    return structuredClone(this.settings)
  }

  /** What quitting does; read by the shell when the app quits. */
  get quitBehavior(): QuitBehavior {
    return this.settings.quitBehavior
  }

  /** The settings with their file and load error, as the contract returns them. */
  view(): SettingsView {
    return { settings: this.current, file: this.file, loadError: this.loadError }
  }

  /**
   * Validates a partial update, merges it, saves the result atomically, then emits `changed`.
   * Throws INVALID_REQUEST naming the field for a bad value; nothing is saved then.
   */
  async update(patch: unknown): Promise<SettingsChange> {
    const parsed = settingsPatchSchema.safeParse(patch)
    if (!parsed.success) throw invalidSettings(parsed.error.issues)
    const run = this.writes.then(async () => {
      const next = mergeSettings(this.settings, parsed.data)
      const checked = settingsSchema.safeParse(next)
      if (!checked.success) throw invalidSettings(checked.error.issues)
      const newDataDir = parsed.data.dataDir
      if (newDataDir && newDataDir !== this.settings.dataDir) await checkDataDirChoice(newDataDir)
      await this.save(checked.data)
      const changed = changedKeys(this.settings, checked.data)
      this.settings = checked.data
      this.loadError = null
      const view = this.view()
      if (changed.length > 0) this.emit('changed', view, changed)
      const requiresRestart = changed.some((k) => RESTART_REQUIRED_SETTINGS.includes(k))
      return { view, changed, requiresRestart }
    })
    // Why a chain: two quick updates must not interleave, or the file could end up older than memory.
    // The chain only orders them; each caller gets its own outcome from `run`.
    this.writes = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }

  private async save(settings: Settings): Promise<void> {
    if (!this.file) return
    try {
      // Keep the unusable file for the user to inspect instead of overwriting it.
      if (this.loadError) {
        await rename(this.file, join(dirname(this.file), INVALID_SETTINGS_FILE)).catch(
          (error: NodeJS.ErrnoException) => {
            // Gone already (the user removed it) is fine; the new file is written either way.
            if (error.code !== 'ENOENT') throw error
          },
        )
      }
      await mkdir(dirname(this.file), { recursive: true })
      await writeJsonAtomic(this.file, { format: SETTINGS_FORMAT, settings })
    } catch (error) {
      // Why INTERNAL: no error code names the config folder yet; the message and detail do.
      throw new EngineError(
        'INTERNAL',
        `Could not save the settings to ${this.file}: ${(error as Error).message}`,
        { file: this.file },
      )
    }
  }
}

async function loadSettings(file: string): Promise<{ settings: Settings; error: string | null }> {
  const defaults = { settings: structuredClone(DEFAULT_SETTINGS) }
  let raw: unknown
  try {
    raw = await readJsonFile(file)
  } catch (error) {
    const why = error instanceof SyntaxError ? 'is not valid JSON' : 'could not be read'
    return { ...defaults, error: `${file} ${why}: ${(error as Error).message}` }
  }
  if (raw === null) return { ...defaults, error: null }
  const content = raw as { format?: unknown; settings?: unknown }
  if (content.format !== SETTINGS_FORMAT) {
    return { ...defaults, error: `${file} has an unknown format (${String(content.format)}).` }
  }
  const parsed = settingsSchema.safeParse(content.settings)
  if (!parsed.success) {
    return { ...defaults, error: `${file} is not valid: ${describeIssue(parsed.error.issues)}` }
  }
  return { settings: parsed.data, error: null }
}

type Issues = z.core.$ZodIssue[]

/** The first issue as "field.path: message", the way INVALID_REQUEST messages name fields. */
function describeIssue(issues: Issues): string {
  const issue = issues[0]
  return `${issue?.path.join('.') || 'settings'}: ${issue?.message ?? 'invalid'}`
}

function invalidSettings(issues: Issues): EngineError {
  return new EngineError('INVALID_REQUEST', `Invalid settings: ${describeIssue(issues)}`, {
    issues: issues.map((i) => ({ path: i.path.map(String), message: i.message })),
  })
}

function changedKeys(before: Settings, after: Settings): Array<keyof Settings> {
  return (Object.keys(after) as Array<keyof Settings>).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  )
}
