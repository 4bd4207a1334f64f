import semverCompare from 'semver/functions/compare'
import semverPrerelease from 'semver/functions/prerelease'
import semverValid from 'semver/functions/valid'

/**
 * etcd version order, for the engine and the window alike (semver: a release sorts after its own
 * pre-releases, so 3.6.0-rc.1 < 3.6.0, and rc.10 > rc.9). Versions are written without a "v".
 */

/** True when `version` is a semantic version such as 3.5.17 or 3.6.0-rc.1. */
export function isVersion(version: string): boolean {
  return semverValid(version) !== null
}

/** Negative when a < b, positive when a > b; something that is not a version sorts first. */
export function compareVersions(a: string, b: string): number {
  const isA = isVersion(a)
  const isB = isVersion(b)
  if (isA && isB) return semverCompare(a, b)
  return Number(isA) - Number(isB)
}

/** Newest first: for version lists. */
export function newestFirst(a: string, b: string): number {
  return compareVersions(b, a)
}

/** True for versions with a pre-release tag (alpha, beta, rc). */
export function isPrerelease(version: string): boolean {
  return isVersion(version) && semverPrerelease(version) !== null
}

/** True when `version` is at least `minimum` (pre-releases count as below their release). */
export function isAtLeast(version: string, minimum: string): boolean {
  return isVersion(version) && compareVersions(version, minimum) >= 0
}
