import { resolve } from 'node:path'
import type { EtcdBinary } from '../etcd/etcd-binary'
import { DEFAULT_AUTO_RESTART, type AutoRestartPolicy } from '../process/restart-policy'
import { defaultDataDir } from '../store/data-layout'
import type { OrphanPolicy } from './reconcile'

/** Why 30 s: a healthy 3-member cold start takes ≤ 2.6 s here (ETCD-FACTS); slow disks need more. */
export const DEFAULT_START_TIMEOUT_MS = 30_000

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
}

/** Fills in defaults. */
export function resolveEngineOptions(options: EngineOptions): ResolvedEngineOptions {
  return {
    // Absolute, because member --data-dir flags derive from it and etcd resolves them from its cwd.
    dataDir: resolve(options.dataDir ?? defaultDataDir()),
    etcdPath: options.etcdPath,
    startTimeoutMs: options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
    autoRestart: { ...DEFAULT_AUTO_RESTART, ...options.autoRestart },
    orphanPolicy: options.orphanPolicy ?? 'adopt',
    install: options.install,
    appVersion: options.appVersion ?? '0.0.0-dev',
  }
}
