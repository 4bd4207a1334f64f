import { EventEmitter } from 'node:events'
import type { InstalledBinaryView } from '../../shared/contract'
import type { InstalledRelease, InstallProgress, ReleaseList } from '../../shared/releases'
import type { EtcdBinary } from '../etcd/etcd-binary'
import type { EngineLog } from '../log/engine-log'
import type { ImportOptions } from '../releases/archive-import'
import type { ListReleasesOptions } from '../releases/release-catalog'
import { ReleaseManager, type ReleaseManagerOptions } from '../releases/release-manager'

/** Events of the release side of the engine. */
export interface EngineReleasesEvents {
  progress: [progress: InstallProgress]
}

/**
 * The engine's etcd releases: list, install (with progress and cancel), import, remove. Installs
 * started by cluster creation and by the window share one download per version.
 */
export class EngineReleases extends EventEmitter<EngineReleasesEvents> {
  readonly manager: ReleaseManager
  private readonly cancels = new Map<string, Set<AbortController>>()

  /**
   * `mirrors` is read at each install, so a changed setting reaches the next download; installs
   * and their failures go to the engine log, marked `module: 'releases'`.
   */
  constructor(
    options: ReleaseManagerOptions,
    private readonly mirrors: () => string[],
    log: EngineLog,
  ) {
    super()
    this.manager = new ReleaseManager({ ...options, log: log.child({ module: 'releases' }) })
  }

  /** Releases to offer, newest first, with the system etcd and what is installed. */
  list(options: ListReleasesOptions = {}): Promise<ReleaseList> {
    return this.manager.listReleases(options)
  }

  /** Downloads, verifies and installs a version (or returns it when installed). */
  async install(version: string): Promise<EtcdBinary> {
    const controller = new AbortController()
    const set = this.cancels.get(version) ?? new Set()
    set.add(controller)
    this.cancels.set(version, set)
    try {
      this.manager.setMirrors(this.mirrors())
      return await this.manager.install(version, {
        signal: controller.signal,
        onProgress: (progress) => this.emit('progress', progress),
      })
    } finally {
      set.delete(controller)
      if (set.size === 0) this.cancels.delete(version)
    }
  }

  /** Cancels every pending install of a version. */
  cancel(version: string): void {
    for (const controller of this.cancels.get(version) ?? []) controller.abort()
  }

  /** Installs an archive the user already downloaded. */
  importArchive(path: string, options: ImportOptions): Promise<EtcdBinary> {
    return this.manager.importArchive(path, {
      ...options,
      onProgress: (progress) => this.emit('progress', progress),
    })
  }

  /** Installed versions with size and source. */
  installed(): Promise<InstalledRelease[]> {
    return this.manager.listInstalled()
  }

  /** Removes an installed version (refused while a cluster uses it). */
  remove(version: string): Promise<void> {
    return this.manager.remove(version)
  }

  /** Cancels installs and closes connections. */
  async close(): Promise<void> {
    for (const version of this.cancels.keys()) this.cancel(version)
    await this.manager.close()
  }
}

/** The view of an installed binary. */
export function binaryView(binary: EtcdBinary): InstalledBinaryView {
  return { version: binary.version, etcd: binary.etcd, etcdctl: binary.etcdctl }
}
