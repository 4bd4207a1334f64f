import { access, constants, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { EngineError } from '../errors/engine-error'
import { describeEtcd, findOnPath, type EtcdBinary } from './etcd-binary'

/** Turns "system" or a version into a runnable etcd. Downloads plug in through `install`. */
export interface EtcdResolverOptions {
  /** An etcd binary chosen by the user; it replaces the one on PATH as "system". */
  etcdPath?: string
  /** Folder of installed releases: `<releasesDir>/v<version>/etcd`. */
  releasesDir: string
  /** Installs a missing release (the download seam); without it, a missing version is an error. */
  install?: (version: string) => Promise<EtcdBinary>
}

/**
 * Finds the etcd binary for a version, remembering what it learnt per file: path, inode, size and
 * modification time, so an etcd replaced while the app runs (an apt upgrade of the system etcd)
 * is asked for its version again, and a cluster on it is checked against its recorded version.
 */
export class EtcdResolver {
  private readonly described = new Map<string, { file: string; binary: Promise<EtcdBinary> }>()

  constructor(private readonly options: EtcdResolverOptions) {}

  /** The etcd chosen by the user or found on PATH, or null when there is none. */
  async system(): Promise<EtcdBinary | null> {
    const configured = this.options.etcdPath ?? process.env.ETCD_DESK_ETCD
    if (configured) return this.describe(configured, 'configured')
    const onPath = await findOnPath('etcd')
    return onPath ? this.describe(onPath, 'system') : null
  }

  /** The binary for "system" or an exact version such as "3.5.17". */
  async resolve(version: string): Promise<EtcdBinary> {
    if (version === 'system') {
      const system = await this.system()
      if (!system) {
        throw new EngineError(
          'ETCD_NOT_FOUND',
          'No etcd found on PATH. Install etcd (e.g. apt-get install etcd-server) or choose a release to download.',
          { version },
        )
      }
      return system
    }
    const installed = join(
      this.options.releasesDir,
      `v${version}`,
      process.platform === 'win32' ? 'etcd.exe' : 'etcd',
    )
    if (
      await access(installed, constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return this.describe(installed, 'release')
    // An exact version always runs from the release cache (never the system etcd, which may
    // change under the cluster); a missing one is downloaded.
    if (this.options.install) return this.options.install(version)
    throw new EngineError('ETCD_NOT_FOUND', `etcd ${version} is not installed.`, { version })
  }

  private async describe(path: string, source: EtcdBinary['source']): Promise<EtcdBinary> {
    const file = await fileIdentity(path)
    // Not there (or unreadable): describeEtcd says so with ETCD_NOT_FOUND naming the path.
    if (file === null) return describeEtcd(path, source)
    const known = this.described.get(path)
    if (known?.file === file) return known.binary
    const binary = describeEtcd(path, source)
    this.described.set(path, { file, binary })
    // A failed look-up is not remembered: the user may fix the binary and try again.
    binary.catch(() => {
      if (this.described.get(path)?.binary === binary) this.described.delete(path)
    })
    return binary
  }
}

/** What identifies one build of a binary at a path (stat follows symlinks to the real file). */
async function fileIdentity(path: string): Promise<string | null> {
  try {
    const info = await stat(path)
    return `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`
  } catch {
    return null
  }
}
