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
 * cached. Written without network access: every patch from .0 of each line, up to v3.7.3, v3.6.16,
 * v3.5.33 and v3.4.45 (ETCD-OPS-FACTS §8: the etcd git tags of 2026-08-20 go to v3.7.1, v3.6.14,
 * v3.5.33 and v3.4.45 with no gaps; the Go module index showed v3.7.3 and v3.6.16 on 2026-11-25).
 * 3.4 ends at 3.4.45, its last release (end of life); later 3.5 patches probably exist.
 * The GitHub list replaces it as soon as the app is online once.
 */
const STABLE = [
  ...patches('3.7', 3),
  ...patches('3.6', 16),
  ...patches('3.5', 33),
  ...patches('3.4', 45),
]

/** Pre-releases, shown only on request: every 3.7 and 3.6 one in etcd's git tags, 3.5's rcs. */
const PRERELEASES = [
  '3.7.0-rc.0',
  '3.7.0-beta.0',
  '3.7.0-alpha.0',
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
