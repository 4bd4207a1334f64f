import { EngineError } from '../errors/engine-error'
import { isAtLeast } from '../../shared/version-order'

/** The OS names etcd uses in its asset names. */
export type ReleaseOs = 'linux' | 'darwin' | 'windows'
/** The CPU names etcd uses in its asset names. */
export type ReleaseArch = 'amd64' | 'arm64' | 'ppc64le' | 's390x'
/** Archive formats of etcd releases. */
export type ArchiveFormat = 'tar.gz' | 'zip'

/** The archive of one release for one platform, and the binaries it must contain. */
export interface ReleaseAsset {
  version: string
  os: ReleaseOs
  arch: ReleaseArch
  format: ArchiveFormat
  /** e.g. "etcd-v3.5.17-linux-amd64.tar.gz" */
  fileName: string
  /** Binary file names as they appear in the archive, e.g. ["etcd", "etcdctl", "etcdutl"]. */
  binaries: string[]
  /** ".exe" on Windows, else "". */
  exe: '' | '.exe'
}

const OS_BY_NODE_PLATFORM: Partial<Record<NodeJS.Platform, ReleaseOs>> = {
  linux: 'linux',
  darwin: 'darwin',
  win32: 'windows',
}
const ARCH_BY_NODE_ARCH: Partial<Record<string, ReleaseArch>> = {
  x64: 'amd64',
  arm64: 'arm64',
  ppc64: 'ppc64le',
  s390x: 's390x',
}

/** Which platforms have an archive for a version (ETCD-FACTS 5.1). */
function isPublished(version: string, os: ReleaseOs, arch: ReleaseArch): boolean {
  switch (os) {
    case 'linux':
      // s390x builds start with 3.5; 3.4 publishes amd64, arm64 and ppc64le only.
      return arch !== 's390x' || isAtLeast(version, '3.5.0')
    case 'darwin':
      // darwin/arm64 builds start with 3.5.5 (etcd PR 14436).
      return arch === 'amd64' || (arch === 'arm64' && isAtLeast(version, '3.5.5'))
    case 'windows':
      return arch === 'amd64'
  }
}

/** Maps Node's platform and arch to etcd's names, or throws PLATFORM_UNSUPPORTED. */
export function releasePlatform(
  platform: NodeJS.Platform,
  arch: string,
): { os: ReleaseOs; arch: ReleaseArch } {
  const os = OS_BY_NODE_PLATFORM[platform]
  const etcdArch = ARCH_BY_NODE_ARCH[arch]
  if (!os || !etcdArch) {
    throw new EngineError(
      'PLATFORM_UNSUPPORTED',
      `etcd publishes no release for ${platform}/${arch}. Install etcd yourself and use it as the system etcd.`,
      { platform, arch },
    )
  }
  return { os, arch: etcdArch }
}

/** True when `version` has an archive for this platform (no error). */
export function hasAsset(version: string, platform: NodeJS.Platform, arch: string): boolean {
  const os = OS_BY_NODE_PLATFORM[platform]
  const etcdArch = ARCH_BY_NODE_ARCH[arch]
  return Boolean(os && etcdArch && isPublished(version, os, etcdArch))
}

/**
 * The asset to download for a version on a platform. A pair etcd never published is refused
 * here, before any download, so the user learns at once why.
 */
export function releaseAsset(
  version: string,
  platform: NodeJS.Platform,
  arch: string,
): ReleaseAsset {
  const target = releasePlatform(platform, arch)
  if (!isPublished(version, target.os, target.arch)) {
    throw new EngineError(
      'PLATFORM_UNSUPPORTED',
      `etcd ${version} has no release for ${target.os}-${target.arch}; choose a newer version or install etcd yourself.`,
      { version, os: target.os, arch: target.arch },
    )
  }
  const format: ArchiveFormat = target.os === 'linux' ? 'tar.gz' : 'zip'
  const exe = target.os === 'windows' ? '.exe' : ''
  const names = isAtLeast(version, '3.5.0-0') ? ['etcd', 'etcdctl', 'etcdutl'] : ['etcd', 'etcdctl']
  return {
    version,
    ...target,
    format,
    fileName: `etcd-v${version}-${target.os}-${target.arch}.${format}`,
    binaries: names.map((name) => name + exe),
    exe,
  }
}

/** Reads version, OS, arch and format back from an asset file name; null when it is not one. */
export function parseAssetName(
  fileName: string,
): { version: string; os: string; arch: string; format: ArchiveFormat } | null {
  const match =
    /^etcd-v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)-([a-z]+)-([a-z0-9]+)\.(tar\.gz|zip)$/.exec(fileName)
  if (!match) return null
  return {
    version: match[1]!,
    os: match[2]!,
    arch: match[3]!,
    format: match[4] as ArchiveFormat,
  }
}
