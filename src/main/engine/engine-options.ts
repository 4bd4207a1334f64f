import { resolve } from 'node:path'
import { assertNever } from '../../shared/result'
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings'
import type { SecretBox } from '../auth/secret-box'
import type { EtcdBinary } from '../etcd/etcd-binary'
import type { ChooseSavePath } from './cluster-maintenance'
import type { ChooseOpenPath } from './cluster-transfers'
import type { AutoRestartPolicy } from '../process/restart-policy'
import type { SettingsStore } from '../settings/settings-store'
import { defaultDataDir } from '../store/data-layout'
import type { OpenPath } from './engine-log-opener'
import type { OrphanPolicy } from './reconcile'

/** How an engine is opened; everything is optional. */
export interface EngineOptions {
  /** Where clusters, logs and releases live; also ETCD_DESK_DATA_DIR. */
  dataDir?: string
  /** The etcd used as "system"; also ETCD_DESK_ETCD. Default: etcd on PATH. */
  etcdPath?: string
  startTimeoutMs?: number
  autoRestart?: Partial<AutoRestartPolicy>
  /** What to do with members a crashed engine left running. Default: adopt them. */
  orphanPolicy?: OrphanPolicy
  /** Installs a missing etcd release (the download seam). */
  install?: (version: string) => Promise<EtcdBinary>
  /** The app's version, for About and app:info. */
  appVersion?: string
  /** Base URL to download etcd releases from instead of GitHub (browser mode's --release-mirror). */
  releaseMirror?: string
  /** The etcd version new clusters get from cluster:suggest. Default: 'system'. */
  defaultEtcdVersion?: string
  /** Replaces the built-in release sources (GitHub, Google); for tests and private setups. */
  releaseSources?: string[]
  /** Never contact GitHub or Google (also ETCD_DESK_OFFLINE=1): mirrors and imports only. */
  offline?: boolean
  /**
   * The user's saved settings: they fill every option not given above (an explicit option wins),
   * and later updates are applied live. Without it, settings live in memory only.
   */
  settings?: SettingsStore
  /** Also write the engine log to stderr (browser mode: the terminal is the user's console). */
  logToStderr?: boolean
  /**
   * Opens a file with the OS (Electron's shell.openPath: resolves to '' or an error message).
   * Without it (browser mode) the window links to the engine log instead.
   */
  openPath?: OpenPath
  /**
   * Lets the user choose where to save a file (Electron's save dialog: resolves to the path, or
   * null when cancelled). Without it (browser mode) the window downloads snapshots instead.
   */
  chooseSavePath?: ChooseSavePath
  /**
   * Lets the user choose a file to open (Electron's open dialog: resolves to the path, or null
   * when cancelled). Without it (browser mode) the window uploads import files instead.
   */
  chooseOpenPath?: ChooseOpenPath
  /**
   * Encrypts root's password at rest (Electron's safeStorage). Without it (browser mode) the
   * password is kept in memory for the session and asked again after a restart.
   */
  secrets?: SecretBox
}

/** Options with every default filled in. */
export interface ResolvedEngineOptions {
  dataDir: string
  etcdPath: string | undefined
  startTimeoutMs: number
  autoRestart: AutoRestartPolicy
  orphanPolicy: OrphanPolicy
  install: ((version: string) => Promise<EtcdBinary>) | undefined
  appVersion: string
  /** Read at each use, so a settings change reaches the next download. */
  releaseMirror: string | undefined
  defaultEtcdVersion: string
  releaseSources: string[] | undefined
  offline: boolean | undefined
  chooseSavePath: ChooseSavePath | undefined
  chooseOpenPath: ChooseOpenPath | undefined
  secrets: SecretBox | undefined
}

/** Fills in defaults: an explicit option, else the saved setting, else the built-in default. */
export function resolveEngineOptions(
  options: EngineOptions,
  settings?: Settings,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedEngineOptions {
  // ETCD_DESK_DATA_DIR still beats the setting, so tests and scripts stay in control.
  const dataDir = options.dataDir ?? (env.ETCD_DESK_DATA_DIR || settings?.dataDir)
  return {
    // Absolute, because member --data-dir flags derive from it and etcd resolves them from its cwd.
    dataDir: resolve(dataDir || defaultDataDir(env)),
    etcdPath: options.etcdPath,
    startTimeoutMs:
      options.startTimeoutMs ?? settings?.startTimeoutMs ?? DEFAULT_SETTINGS.startTimeoutMs,
    autoRestart: {
      ...DEFAULT_SETTINGS.autoRestart,
      ...settings?.autoRestart,
      ...options.autoRestart,
    },
    orphanPolicy: options.orphanPolicy ?? 'adopt',
    install: options.install,
    appVersion: options.appVersion ?? '0.0.0-dev',
    releaseMirror: options.releaseMirror ?? settings?.releaseMirror ?? undefined,
    defaultEtcdVersion:
      options.defaultEtcdVersion ??
      settings?.defaultEtcdVersion ??
      DEFAULT_SETTINGS.defaultEtcdVersion,
    releaseSources: options.releaseSources,
    offline: options.offline,
    chooseSavePath: options.chooseSavePath,
    chooseOpenPath: options.chooseOpenPath,
    secrets: options.secrets,
  }
}

/**
 * Applies the live settings among `changed` to resolved options, in place. Only changed ones:
 * an unrelated change must not undo an explicit option (browser mode's --release-mirror).
 */
export function applySettingsToOptions(
  options: ResolvedEngineOptions,
  settings: Settings,
  changed: ReadonlyArray<keyof Settings>,
): void {
  for (const key of changed) {
    // Exhaustive: a new setting must say here whether it applies live.
    switch (key) {
      case 'startTimeoutMs':
        options.startTimeoutMs = settings.startTimeoutMs
        break
      case 'autoRestart':
        options.autoRestart = { ...settings.autoRestart }
        break
      case 'releaseMirror':
        options.releaseMirror = settings.releaseMirror ?? undefined
        break
      case 'defaultEtcdVersion':
        options.defaultEtcdVersion = settings.defaultEtcdVersion
        break
      case 'dataDir': // at next launch
      case 'quitBehavior': // read by the shell when quitting
      case 'searchMaxResults': // read by each new key search
      case 'language': // read by the window (settings:changed)
        break
      default:
        assertNever(key)
    }
  }
}
