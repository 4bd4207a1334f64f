/**
 * A loopback etcd release mirror built from the real Debian etcd binaries (bookworm's 3.4.23 on
 * PATH, trixie's 3.5.16 and sid's 3.5.30 from scripts/fetch-debian-etcd.sh), for tests and benches:
 * release-shaped archives plus SHA256SUMS, served by the release server, and the engine options
 * that make an engine download from it and nowhere else. No vitest import: benches use it too.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { EngineOptions } from '../../src/main/engine/engine-options'
import { releaseAsset } from '../../src/main/releases/release-assets'
import { etcd35, etcd3530, systemTestEtcd, testCacheDir, type TestEtcd } from './etcd-versions'
import { startReleaseServer, type ReleaseServer } from './release-server'
import { sha256sums, writeTarGz, type ArchiveEntry, type BuiltArchive } from './tar-archive'

/** The versions a mirror can serve, each from the Debian etcd that reports it. */
const MIRROR_VERSIONS = {
  '3.4.23': systemTestEtcd,
  '3.5.16': etcd35,
  '3.5.30': etcd3530,
} as const satisfies Record<string, () => TestEtcd>

/** One of MIRROR_VERSIONS' keys. */
export type MirrorVersion = keyof typeof MIRROR_VERSIONS

/** A running mirror. */
export interface ReleaseMirror {
  /** The loopback release server (request log, misbehaviours). */
  server: ReleaseServer
  /** The archive served for each version, with its checksum. */
  archives: Record<string, BuiltArchive>
  /**
   * Spread into Engine.open: downloads come from this mirror only (never GitHub or Google, even
   * outside vitest, where ETCD_DESK_OFFLINE is not set).
   */
  engineOptions: Pick<EngineOptions, 'releaseMirror' | 'releaseSources' | 'offline'>
  close(): Promise<void>
}

/**
 * Builds (or takes from the cache) the archives of `versions` and serves them, each with its
 * SHA256SUMS, as `{base}/v{V}/…`; the fake GitHub API lists them too.
 */
export async function startReleaseMirror(versions: MirrorVersion[]): Promise<ReleaseMirror> {
  const archives: Record<string, BuiltArchive> = {}
  for (const version of versions) archives[version] = await mirrorArchive(version)
  const server = await startReleaseServer()
  for (const [version, archive] of Object.entries(archives)) {
    server.publish(version, archive.fileName, archive.path)
    server.publishText(version, 'SHA256SUMS', sha256sums([archive]))
    server.githubReleases.push({
      tag_name: `v${version}`,
      prerelease: false,
      draft: false,
      published_at: new Date(0).toISOString(),
    })
  }
  return {
    server,
    archives,
    // Why all three: the mirror is tried first, no built-in source is left, and offline makes the
    // release list come from the app, never from api.github.com.
    engineOptions: { releaseMirror: server.base, releaseSources: [], offline: true },
    close: () => server.close(),
  }
}

/** What a cached archive was built from: a rebuilt Debian binary means a new archive. */
interface CacheStamp {
  sha256: string
  inputs: { path: string; size: number; mtimeMs: number }[]
}

/**
 * The release archive of one version for this machine's platform, built once into
 * `<test cache>/archives/v<V>/` and reused while its binaries are unchanged (gzipping ~60 MB
 * takes seconds, and every test file and bench would pay it again).
 */
async function mirrorArchive(version: MirrorVersion): Promise<BuiltArchive> {
  const etcd = MIRROR_VERSIONS[version]()
  if (etcd.version !== version) {
    throw new Error(`The etcd meant for ${version} (${etcd.etcd}) reports ${etcd.version}.`)
  }
  const asset = releaseAsset(version, process.platform, process.arch)
  const top = asset.fileName.replace(/\.(tar\.gz|zip)$/, '')
  const dir = join(testCacheDir(), 'archives', `v${version}`)
  const path = join(dir, asset.fileName)
  const sources = [etcd.etcd, etcd.etcdctl, join(dirname(etcd.etcd), 'etcdutl')].filter(existsSync)
  const inputs = await Promise.all(
    sources.map(async (source) => {
      const { size, mtimeMs } = await stat(source)
      return { path: source, size, mtimeMs }
    }),
  )
  const stampFile = join(dir, 'stamp.json')
  const cached = readStamp(stampFile)
  if (cached && existsSync(path) && JSON.stringify(cached.inputs) === JSON.stringify(inputs)) {
    return { fileName: asset.fileName, path, sha256: cached.sha256 }
  }
  mkdirSync(dir, { recursive: true })
  // Built in a private folder and renamed into place: a concurrent reader never sees half a file.
  const work = mkdtempSync(join(dir, '.build-'))
  try {
    const entries: ArchiveEntry[] = [
      { kind: 'dir', path: `${top}/` },
      ...sources.map((source) => ({
        kind: 'file' as const,
        path: `${top}/${basename(source)}`,
        from: source,
        mode: 0o755,
      })),
    ]
    const built = await writeTarGz(work, asset.fileName, entries)
    renameSync(built.path, path)
    const stamp: CacheStamp = { sha256: built.sha256, inputs }
    await writeFile(join(work, 'stamp.json'), JSON.stringify(stamp))
    renameSync(join(work, 'stamp.json'), stampFile)
    return { fileName: asset.fileName, path, sha256: built.sha256 }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** The cache stamp, or null when there is none or it does not parse (the archive is rebuilt). */
function readStamp(file: string): CacheStamp | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CacheStamp
  } catch {
    return null
  }
}
