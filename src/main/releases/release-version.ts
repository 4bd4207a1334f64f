import { VERSION_PATTERN } from '../../shared/cluster-rules'
import { EngineError } from '../errors/engine-error'
import { etcdLineOf } from '../etcd/etcd-version'

/** A parsed release version: numbers for comparison, the pre-release tag ("rc.1") when any. */
export interface ParsedVersion {
  major: number
  minor: number
  patch: number
  prerelease: string | null
}

/**
 * Checks a requested version and returns it without a leading "v". The version becomes a folder
 * name and part of a URL, so anything but a plain 3.x.y[-tag] is refused here.
 */
export function normalizeVersion(input: string): string {
  const version = input.startsWith('v') ? input.slice(1) : input
  if (!VERSION_PATTERN.test(version)) {
    throw new EngineError('INVALID_REQUEST', `"${input}" is not an etcd version like 3.5.17.`, {
      version: input,
    })
  }
  if (!etcdLineOf(version)) {
    throw new EngineError(
      'ETCD_VERSION_UNSUPPORTED',
      `etcd ${version} is not supported: etcd Desk runs 3.4 and later.`,
      { version },
    )
  }
  return version
}

/** Parses "3.5.0-rc.1" (no leading "v"); null when it is not a version. */
export function parseVersion(version: string): ParsedVersion | null {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.]+))?$/.exec(version)
  if (!match) return null
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: match[4] ?? null,
  }
}

/** True for versions with a pre-release tag (alpha, beta, rc). */
export function isPrerelease(version: string): boolean {
  return parseVersion(version)?.prerelease != null
}

/** Semver order: negative when a < b; a release sorts after its own pre-releases. */
export function compareVersions(a: string, b: string): number {
  const pa = parseVersion(a)
  const pb = parseVersion(b)
  if (!pa || !pb) return a.localeCompare(b)
  const numeric = pa.major - pb.major || pa.minor - pb.minor || pa.patch - pb.patch
  if (numeric !== 0) return numeric
  if (pa.prerelease === pb.prerelease) return 0
  if (pa.prerelease === null) return 1
  if (pb.prerelease === null) return -1
  return comparePrerelease(pa.prerelease, pb.prerelease)
}

/** Compares dot-separated pre-release tags: numeric parts as numbers ("rc.10" > "rc.9"). */
function comparePrerelease(a: string, b: string): number {
  const partsA = a.split('.')
  const partsB = b.split('.')
  for (let i = 0; i < Math.max(partsA.length, partsB.length); i++) {
    const x = partsA[i]
    const y = partsB[i]
    if (x === undefined) return -1
    if (y === undefined) return 1
    const order =
      /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y, 'en')
    if (order !== 0) return order
  }
  return 0
}

/** True when `version` is at least major.minor.patch (pre-releases count as below their release). */
export function isAtLeast(version: string, minimum: string): boolean {
  return compareVersions(version, minimum) >= 0
}
