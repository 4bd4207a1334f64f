import { request, type Dispatcher } from 'undici'
import { z } from 'zod'
import { lineOf } from '../../shared/etcd-lines'
import { isPrerelease, isVersion, newestFirst } from '../../shared/version-order'
import type { KnownRelease } from './bundled-releases'

/** The public GitHub API; replaceable for tests. */
export const GITHUB_API_URL = 'https://api.github.com'
/** Why 100: the largest page GitHub serves, so the whole list takes few of the 60 calls/hour allowed. */
const RELEASES_PER_PAGE = 100
/** Why 5: etcd has published about 250 releases since 2016; 500 leaves room for years. */
const MAX_PAGES = 5

const githubReleaseSchema = z.object({
  tag_name: z.string(),
  draft: z.boolean().default(false),
  prerelease: z.boolean().default(false),
  published_at: z.string().nullable().default(null),
})

/** A page of the GitHub "list releases" answer, as far as the catalog reads it. */
export type GithubRelease = z.infer<typeof githubReleaseSchema>

/** Keeps published releases of the lines etcd Desk runs (3.4+), newest first. */
export function parseGithubReleases(items: readonly GithubRelease[]): KnownRelease[] {
  const releases = new Map<string, KnownRelease>()
  for (const item of items) {
    if (item.draft) continue
    const version = item.tag_name.replace(/^v/, '')
    if (!isVersion(version) || !lineOf(version)) continue
    releases.set(version, {
      version,
      isPrerelease: item.prerelease || isPrerelease(version),
      publishedAt: item.published_at,
    })
  }
  return [...releases.values()].sort((a, b) => newestFirst(a.version, b.version))
}

/** Fetches every etcd release from the GitHub Releases API; throws on any failure. */
export async function fetchGithubReleases(
  apiUrl: string,
  dispatcher: Dispatcher,
  signal: AbortSignal,
): Promise<KnownRelease[]> {
  const items: GithubRelease[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    const url = `${apiUrl.replace(/\/+$/, '')}/repos/etcd-io/etcd/releases?per_page=${RELEASES_PER_PAGE}&page=${page}`
    const res = await request(url, {
      dispatcher,
      signal,
      headers: { accept: 'application/vnd.github+json', 'user-agent': 'etcd-desk' },
    })
    if (res.statusCode !== 200) {
      await res.body.dump()
      throw new Error(`GitHub answered HTTP ${res.statusCode} for ${url}`)
    }
    const pageItems = z.array(githubReleaseSchema).parse(await res.body.json())
    items.push(...pageItems)
    if (pageItems.length < RELEASES_PER_PAGE) break
  }
  return parseGithubReleases(items)
}
