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
 * cached. Written without network access, up to the newest tags ETCD-FACTS names as checked
 * (v3.6.14, v3.5.26, v3.4.45); newer patches may exist.
 * The GitHub list replaces it as soon as the app is online once.
 */
const STABLE = [...patches('3.6', 14), ...patches('3.5', 26), ...patches('3.4', 45)]

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
