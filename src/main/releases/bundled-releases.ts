/** A release as the catalog knows it, before the installed flags are added. */
export interface KnownRelease {
  version: string
  isPrerelease: boolean
  publishedAt: string | null
}

/** Every patch release of a minor line from .0 to .last. */
function patches(line: string, last: number): string[] {
  return Array.from({ length: last + 1 }, (_, patch) => `${line}.${patch}`)
}

/**
 * Stable releases shipped with the app, used when GitHub cannot be reached and nothing is
 * cached. Written from the etcd release history (3.4.0 in August 2019 … 3.6.4 in July 2025); the
 * GitHub list replaces it as soon as the app is online once.
 */
const STABLE = [...patches('3.6', 4), ...patches('3.5', 22), ...patches('3.4', 37)]

/** Pre-releases of the lines etcd Desk runs, shown only on request. */
const PRERELEASES = [
  '3.6.0-rc.5',
  '3.6.0-rc.4',
  '3.6.0-rc.3',
  '3.6.0-rc.2',
  '3.6.0-rc.1',
  '3.6.0-rc.0',
  '3.6.0-alpha.0',
  '3.5.0-rc.1',
  '3.5.0-rc.0',
]

/** The release list shipped with the app. */
export const BUNDLED_RELEASES: readonly KnownRelease[] = [
  ...STABLE.map((version) => ({ version, isPrerelease: false, publishedAt: null })),
  ...PRERELEASES.map((version) => ({ version, isPrerelease: true, publishedAt: null })),
]
