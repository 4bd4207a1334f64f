import type { Dispatcher } from 'undici'
import type { InstalledRelease, InstallProgress, ReleaseList } from '../../shared/releases'
import { EngineError } from '../errors/engine-error'
import { describeEtcd, findOnPath, type EtcdBinary } from '../etcd/etcd-binary'
import { silentLog, type EngineLog } from '../log/engine-log'
import { importArchive, type ImportOptions } from './archive-import'
import { GITHUB_API_URL } from './github-releases'
import { createDispatcher } from './http-client'
import type { RetryPolicy } from './http-request'
import { cancelled, runInstall } from './install-flow'
import { listInstalledReleases } from './installed-releases'
import { ProgressMeter, PROGRESS_INTERVAL_MS } from './progress-meter'
import { releaseAsset } from './release-assets'
import { listReleases, type ListReleasesOptions } from './release-catalog'
import { fetchVerifiedArchive } from './release-fetcher'
import { removeRelease } from './release-removal'
import { OFFLINE_ENV, releaseSources } from './release-sources'
import { normalizeVersion } from './release-version'
import { SharedTasks } from './shared-task'
import { sweepWorkFolders } from './work-folders'

/** Why 30 s: a healthy server sends data continuously; 30 s of silence is a dead connection. */
const DEFAULT_STALL_TIMEOUT_MS = 30_000
/** Why 4 tries from 1 s: rides out a dropped connection or a brief 5xx burst within ~7 s. */
const DEFAULT_RETRY: RetryPolicy = { attempts: 4, delayMs: 1_000 }

/** How a ReleaseManager is set up; only `releasesDir` is required. */
export interface ReleaseManagerOptions {
  /** `<dataDir>/etcd`: one folder per installed version. */
  releasesDir: string
  /** Custom mirrors (from settings or the engine option), tried before everything else. */
  mirrors?: readonly string[]
  /** Replaces the built-in sources (GitHub, then Google's mirror); for tests. */
  sources?: readonly string[]
  /** Base of the GitHub API for the release list; for tests. */
  githubApiUrl?: string
  /**
   * Offline (air-gapped machines, and every test run): never contact GitHub or Google; only the
   * mirrors are tried and the list comes from the cache or the app. Also ETCD_DESK_OFFLINE=1.
   */
  offline?: boolean
  /** Proxy variables and ETCD_DESK_RELEASE_MIRROR are read from here. Default: process.env. */
  env?: NodeJS.ProcessEnv
  platform?: NodeJS.Platform
  arch?: string
  /** Says whether a cluster uses a version; such a version cannot be removed. */
  isInUse?: (version: string) => boolean | Promise<boolean>
  /** The etcd shown as "system" in the list. Default: etcd on PATH. */
  findSystemEtcd?: () => Promise<EtcdBinary | null>
  stallTimeoutMs?: number
  retry?: RetryPolicy
  progressIntervalMs?: number
  /** Where installs, failures and fall-backs are logged. Default: nowhere (silentLog). */
  log?: EngineLog
}

/** How one install is followed and cancelled. */
export interface InstallOptions {
  signal?: AbortSignal
  onProgress?: (progress: InstallProgress) => void
}

/**
 * Lists, downloads, verifies, installs, imports and removes etcd releases for the engine. The
 * engine's data-directory lock makes it the only user of `releasesDir`; so what an earlier run
 * left half done there is swept away once, when the manager starts.
 */
export class ReleaseManager {
  private readonly dispatcher: Dispatcher
  private readonly installs: SharedTasks<EtcdBinary, InstallProgress>
  private readonly log: EngineLog
  private readonly platform: NodeJS.Platform
  private readonly arch: string
  /** The start-up sweep of stale work folders; every job that makes one waits for it. */
  private readonly swept: Promise<void>
  private mirrors: readonly string[]
  private isClosed = false

  constructor(private readonly options: ReleaseManagerOptions) {
    this.log = options.log ?? silentLog()
    this.dispatcher = createDispatcher(options.env ?? process.env)
    this.installs = new SharedTasks(cancelled, this.log)
    this.mirrors = options.mirrors ?? []
    this.platform = options.platform ?? process.platform
    this.arch = options.arch ?? process.arch
    this.swept = sweepWorkFolders(options.releasesDir, this.log)
  }

  private get isOffline(): boolean {
    return this.options.offline ?? (this.options.env ?? process.env)[OFFLINE_ENV] === '1'
  }

  /** The release list for the picker (see release-catalog). */
  listReleases(options: ListReleasesOptions = {}): Promise<ReleaseList> {
    return listReleases(
      {
        releasesDir: this.options.releasesDir,
        dispatcher: this.dispatcher,
        githubApiUrl: this.isOffline ? null : (this.options.githubApiUrl ?? GITHUB_API_URL),
        platform: this.platform,
        arch: this.arch,
        exe: this.exe,
        findSystemEtcd: this.options.findSystemEtcd ?? findSystemEtcd,
        now: Date.now,
        log: this.log,
      },
      options,
    )
  }

  /**
   * Installs a version (or returns it when installed). Concurrent calls for one version share
   * one download; each gets the progress events, and cancelling stops the download once no
   * caller is left.
   */
  async install(version: string, options: InstallOptions = {}): Promise<EtcdBinary> {
    const asset = releaseAsset(normalizeVersion(version), this.platform, this.arch)
    const sources = releaseSources({
      mirrors: this.mirrors,
      sources: this.isOffline ? [] : this.options.sources,
      env: this.options.env ?? process.env,
    })
    await this.whenOpen(`The install of etcd ${asset.version}`)
    return this.installs.run(
      asset.version,
      (signal, emit) => {
        const meter = this.meter(asset.version, emit)
        const flow = { releasesDir: this.options.releasesDir, meter, signal, log: this.log }
        return runInstall(flow, asset, async (workDir) => {
          const fetched = await fetchVerifiedArchive(asset, sources, workDir, {
            dispatcher: this.dispatcher,
            stallTimeoutMs: this.options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS,
            retry: this.options.retry ?? DEFAULT_RETRY,
            meter,
            signal,
            log: this.log,
          })
          return { file: fetched.file, source: fetched.url, isVerified: true, bytes: fetched.bytes }
        })
      },
      options,
    )
  }

  /** Installs a local archive (see archive-import). */
  async importArchive(
    path: string,
    options: ImportOptions & InstallOptions = {},
  ): Promise<EtcdBinary> {
    await this.whenOpen(`The import of ${path}`)
    return importArchive(path, options, {
      releasesDir: this.options.releasesDir,
      signal: options.signal ?? new AbortController().signal,
      platform: this.platform,
      arch: this.arch,
      makeMeter: (version) => this.meter(version, (p) => options.onProgress?.(p)),
      log: this.log,
    })
  }

  /** Installed versions with size and source, newest first. */
  listInstalled(): Promise<InstalledRelease[]> {
    return listInstalledReleases(this.options.releasesDir, this.exe, this.log)
  }

  /** Removes an installed version; RELEASE_IN_USE while a cluster uses it. */
  async remove(version: string): Promise<void> {
    const checked = normalizeVersion(version)
    if (this.installs.isRunning(checked)) {
      throw new EngineError('RELEASE_IN_USE', `etcd ${checked} is being installed right now.`, {
        version: checked,
      })
    }
    if (await this.options.isInUse?.(checked)) {
      throw new EngineError(
        'RELEASE_IN_USE',
        `etcd ${checked} is used by a cluster; delete that cluster or move it to another version first.`,
        { version: checked },
      )
    }
    await this.swept
    await removeRelease(this.options.releasesDir, checked, this.log)
  }

  /** Replaces the custom mirrors (when the user edits them in settings); checked at the next install. */
  setMirrors(mirrors: readonly string[]): void {
    this.mirrors = [...mirrors]
  }

  /**
   * Cancels running installs and waits until they have cleaned up, then drops the HTTP
   * connections (a release-list request still running fails and falls back to the cache). Later
   * installs are refused.
   */
  async close(): Promise<void> {
    this.isClosed = true
    await this.installs.abortAll()
    await this.dispatcher.destroy()
  }

  /** Waits for the start-up sweep; refuses (DOWNLOAD_CANCELLED) once the manager is closed. */
  private async whenOpen(job: string): Promise<void> {
    await this.swept
    if (this.isClosed) {
      throw new EngineError(
        'DOWNLOAD_CANCELLED',
        `${job} was not started: the engine is shutting down.`,
      )
    }
  }

  private get exe(): string {
    return this.platform === 'win32' ? '.exe' : ''
  }

  private meter(version: string, emit: (p: InstallProgress) => void): ProgressMeter {
    return new ProgressMeter(version, emit, this.options.progressIntervalMs ?? PROGRESS_INTERVAL_MS)
  }
}

/** The etcd on PATH, described, or null; throws when it does not run (the catalog logs that). */
async function findSystemEtcd(): Promise<EtcdBinary | null> {
  const path = await findOnPath('etcd')
  return path ? describeEtcd(path, 'system') : null
}
