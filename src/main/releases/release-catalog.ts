import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Dispatcher } from 'undici'
import { z } from 'zod'
import type { ReleaseList, ReleaseListOrigin, SystemEtcdEntry } from '../../shared/releases'
import type { EtcdBinary } from '../etcd/etcd-binary'
import type { EngineLog } from '../log/engine-log'
import { readJsonFile, writeJsonAtomic } from '../store/json-file'
import { BUNDLED_RELEASES, type KnownRelease } from './bundled-releases'
import { fetchGithubReleases } from './github-releases'
import { listInstalledReleases } from './installed-releases'
import { hasAsset } from './release-assets'
import { isPrerelease, newestFirst } from '../../shared/version-order'

/** Why 6 h: etcd publishes a few releases a month, and GitHub allows 60 anonymous API calls an hour. */
const CACHE_FRESH_MS = 6 * 60 * 60 * 1000
/** Why 8 s: the whole list is a few pages; an API that has not answered by then is as good as offline. */
const RELEASE_LIST_TIMEOUT_MS = 8_000
/** The cached GitHub list, next to the installed versions. */
const CACHE_FILE = 'releases.json'

const cacheSchema = z.object({
  fetchedAt: z.string(),
  releases: z.array(
    z.object({
      version: z.string(),
      isPrerelease: z.boolean(),
      publishedAt: z.string().nullable(),
    }),
  ),
})

/** What the catalog needs from the manager. */
export interface CatalogContext {
  releasesDir: string
  dispatcher: Dispatcher
  /** Null when offline: only the cache and the shipped list are used. */
  githubApiUrl: string | null
  platform: NodeJS.Platform
  arch: string
  exe: string
  findSystemEtcd: () => Promise<EtcdBinary | null>
  now: () => number
  log: EngineLog
}

/** Which releases to list. */
export interface ListReleasesOptions {
  includePrereleases?: boolean
  /** Asks GitHub even when the cached list is fresh. */
  refresh?: boolean
  signal?: AbortSignal
}

/**
 * The releases to offer: from GitHub when the cached copy is stale (or on `refresh`), else the
 * cached copy, else the list shipped with the app. Installed versions and the system etcd are
 * always included, whatever the network says.
 */
export async function listReleases(
  ctx: CatalogContext,
  options: ListReleasesOptions = {},
): Promise<ReleaseList> {
  const known = await knownReleases(ctx, options)
  const installed = await listInstalledReleases(ctx.releasesDir, ctx.exe, ctx.log)
  const installedVersions = new Set(installed.map((r) => r.version))
  const byVersion = new Map(known.releases.map((r) => [r.version, r]))
  for (const version of installedVersions) {
    if (!byVersion.has(version)) {
      byVersion.set(version, { version, isPrerelease: isPrerelease(version), publishedAt: null })
    }
  }
  const releases = [...byVersion.values()]
    .filter(
      (r) => options.includePrereleases || !r.isPrerelease || installedVersions.has(r.version),
    )
    .sort((a, b) => newestFirst(a.version, b.version))
    .map((r) => ({
      kind: 'release' as const,
      ...r,
      isInstalled: installedVersions.has(r.version),
      isAvailable: hasAsset(r.version, ctx.platform, ctx.arch),
    }))
  return {
    origin: known.origin,
    fetchedAt: known.fetchedAt,
    releases,
    system: await systemEntry(ctx),
  }
}

async function knownReleases(
  ctx: CatalogContext,
  options: ListReleasesOptions,
): Promise<{ origin: ReleaseListOrigin; fetchedAt: string | null; releases: KnownRelease[] }> {
  const file = join(ctx.releasesDir, CACHE_FILE)
  const cache = await readCache(file, ctx.log)
  const age = cache ? ctx.now() - Date.parse(cache.fetchedAt) : Infinity
  if (cache && !options.refresh && age >= 0 && age < CACHE_FRESH_MS) {
    return { origin: 'cache', fetchedAt: cache.fetchedAt, releases: cache.releases }
  }
  if (ctx.githubApiUrl === null) {
    if (cache) return { origin: 'cache', fetchedAt: cache.fetchedAt, releases: cache.releases }
    return { origin: 'bundled', fetchedAt: null, releases: [...BUNDLED_RELEASES] }
  }
  const timeout = AbortSignal.timeout(RELEASE_LIST_TIMEOUT_MS)
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
  try {
    const releases = await fetchGithubReleases(ctx.githubApiUrl, ctx.dispatcher, signal)
    const fetchedAt = new Date(ctx.now()).toISOString()
    // The list still works when the cache cannot be written (read-only data dir).
    await mkdir(ctx.releasesDir, { recursive: true })
      .then(() => writeJsonAtomic(file, { fetchedAt, releases }))
      .catch((error: unknown) => {
        ctx.log.warn({ err: error, file }, 'could not cache the etcd release list')
      })
    return { origin: 'github', fetchedAt, releases }
  } catch (error) {
    const fallback = cache ? 'cache' : 'bundled'
    ctx.log.warn({ err: error, fallback }, 'could not fetch the etcd release list from GitHub')
    if (cache) return { origin: 'cache', fetchedAt: cache.fetchedAt, releases: cache.releases }
    return { origin: 'bundled', fetchedAt: null, releases: [...BUNDLED_RELEASES] }
  }
}

/** The cached GitHub list; null when there is none or it is unreadable (logged: it is re-fetched). */
async function readCache(
  file: string,
  log: EngineLog,
): Promise<z.infer<typeof cacheSchema> | null> {
  try {
    const raw = await readJsonFile(file)
    if (raw === null) return null
    return cacheSchema.parse(raw)
  } catch (error) {
    log.warn({ err: error, file }, 'ignoring an unreadable etcd release list cache')
    return null
  }
}

async function systemEntry(ctx: CatalogContext): Promise<SystemEtcdEntry | null> {
  const system = await ctx.findSystemEtcd().catch((error: unknown) => {
    ctx.log.warn({ err: error }, 'could not look for the system etcd')
    return null
  })
  return system ? { kind: 'system', version: system.version, path: system.etcd } : null
}
