import { homedir } from 'node:os'
import { join } from 'node:path'
import type { MemberDefinition } from '../../shared/cluster'

/** Name of the file that marks a directory as an etcd Desk data directory. */
const DATA_DIR_MARKER = 'etcd-desk.json'

/**
 * Default data directory, per platform conventions. The Electron shell and browser mode both use
 * this, so the desktop app and `npm run web` see the same clusters. On macOS and Windows it is a
 * `data` subfolder: Electron's own userData (caches, cookies) lives in the app folder itself, and
 * the engine refuses a non-empty folder that is not its own.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ETCD_DESK_DATA_DIR) return env.ETCD_DESK_DATA_DIR
  // Platform branch: each OS has its own place for per-user application data.
  switch (process.platform) {
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'etcd Desk', 'data')
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'etcd Desk', 'data')
    default:
      return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'etcd-desk')
  }
}

/**
 * Default folder of the settings file. Why apart from the data directory: the data directory is
 * itself a setting, so its choice cannot be stored inside it. `ETCD_DESK_CONFIG_DIR` overrides.
 */
export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ETCD_DESK_CONFIG_DIR) return env.ETCD_DESK_CONFIG_DIR
  // Platform branch: each OS has its own place for per-user configuration.
  switch (process.platform) {
    case 'darwin':
      return join(homedir(), 'Library', 'Preferences', 'etcd Desk')
    case 'win32':
      // Windows apps keep one folder in APPDATA: config/ sits beside data/ and Electron's files.
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'etcd Desk', 'config')
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'etcd-desk')
  }
}

/** A member's folder under its cluster's members/ (its name, unless re-added after a remove). */
export function memberFolder(member: Pick<MemberDefinition, 'name' | 'folder'>): string {
  return member.folder ?? member.name
}

/** Every path the engine writes, derived from one data directory; nothing else is written. */
export class DataLayout {
  constructor(readonly root: string) {}

  /** The marker file that says this directory is ours. */
  get marker(): string {
    return join(this.root, DATA_DIR_MARKER)
  }
  /** Lock file held by the one engine that owns this directory. */
  get lockFile(): string {
    return join(this.root, 'engine.lock')
  }
  /** The engine's own log (rotated to engine.log.1 … .3): what it did and every error it handled. */
  get engineLogFile(): string {
    return join(this.root, 'engine.log')
  }
  /** Folder holding one folder per cluster. */
  get clustersDir(): string {
    return join(this.root, 'clusters')
  }
  /** Folder of one cluster: definition, run record and member folders. */
  clusterDir(cluster: string): string {
    return join(this.clustersDir, cluster)
  }
  /** The saved cluster definition. */
  clusterFile(cluster: string): string {
    return join(this.clusterDir(cluster), 'cluster.json')
  }
  /** Pids and command lines of the members the engine started, for adoption after a crash. */
  runFile(cluster: string): string {
    return join(this.clusterDir(cluster), 'run.json')
  }
  /** Folders of a cluster's members (current and removed ones whose data was kept). */
  membersDir(cluster: string): string {
    return join(this.clusterDir(cluster), 'members')
  }
  /** Folder of one member (`folder`: see memberFolder). */
  memberDir(cluster: string, member: string): string {
    return join(this.clusterDir(cluster), 'members', member)
  }
  /** The member's etcd --data-dir. */
  memberDataDir(cluster: string, member: string): string {
    return join(this.memberDir(cluster, member), 'data')
  }
  /** The member's log file (etcd's stdout and stderr). */
  memberLogFile(cluster: string, member: string): string {
    return join(this.memberDir(cluster, member), 'logs', 'etcd.log')
  }
  /** Folder of downloaded etcd releases. */
  get releasesDir(): string {
    return join(this.root, 'etcd')
  }
  /** Folder of saved snapshots (`<id>.db` with its `<id>.json` metadata), kept across clusters. */
  get snapshotsDir(): string {
    return join(this.root, 'snapshots')
  }
}
