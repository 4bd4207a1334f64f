import { access, constants, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { InstalledRelease } from '../../shared/releases'
import { isExecutable, type EtcdBinary } from '../etcd/etcd-binary'
import type { EngineLog } from '../log/engine-log'
import { readJsonFile, writeJsonAtomic } from '../store/json-file'
import { isVersion, newestFirst } from '../../shared/version-order'
import { errnoOf } from './fs-errors'

/** The record kept next to the binaries of every installed version. */
const INSTALL_RECORD_FILE = 'install.json'

const installRecordSchema = z.object({
  version: z.string(),
  /** The archive URL, or "import" for a local archive. */
  source: z.string(),
  isVerified: z.boolean(),
  installedAt: z.string(),
  /** The archive's file name. */
  archive: z.string(),
})

/** What `install.json` says about an installed version. */
export type InstallRecord = z.infer<typeof installRecordSchema>

/** The folder of an installed version: `<releasesDir>/v<version>`. */
export function versionDir(releasesDir: string, version: string): string {
  return join(releasesDir, `v${version}`)
}

/** Writes the record into a (staging) version folder. */
export async function writeInstallRecord(dir: string, record: InstallRecord): Promise<void> {
  await writeJsonAtomic(join(dir, INSTALL_RECORD_FILE), record)
}

/** Reads a version folder's record; null when it is missing or unreadable (the latter logged). */
async function readInstallRecord(dir: string, log: EngineLog): Promise<InstallRecord | null> {
  const file = join(dir, INSTALL_RECORD_FILE)
  try {
    const raw = await readJsonFile(file)
    return raw === null ? null : installRecordSchema.parse(raw)
  } catch (error) {
    log.warn({ err: error, file }, 'unreadable install record; the version is listed without one')
    return null
  }
}

/** The binaries of an installed version when its etcd is there and executable, else null. */
export async function installedBinary(
  releasesDir: string,
  version: string,
  exe: string,
): Promise<EtcdBinary | null> {
  const dir = versionDir(releasesDir, version)
  const etcd = join(dir, `etcd${exe}`)
  const isThere = await access(etcd, constants.X_OK).then(
    () => true,
    () => false,
  )
  if (!isThere) return null
  const etcdutl = join(dir, `etcdutl${exe}`)
  return {
    etcd,
    etcdctl: join(dir, `etcdctl${exe}`),
    etcdutl: (await isExecutable(etcdutl)) ? etcdutl : null,
    version,
    source: 'release',
  }
}

/** Every installed version with its size and where it came from, newest first. */
export async function listInstalledReleases(
  releasesDir: string,
  exe: string,
  log: EngineLog,
): Promise<InstalledRelease[]> {
  const names = await readdir(releasesDir).catch((error: unknown) => {
    // No releases folder yet: nothing installed. Any other error is the caller's to report.
    if (errnoOf(error) === 'ENOENT') return [] as string[]
    throw error
  })
  const found: InstalledRelease[] = []
  for (const name of names) {
    const version = name.slice(1)
    if (!name.startsWith('v') || !isVersion(version)) continue
    if (!(await installedBinary(releasesDir, version, exe))) continue
    const dir = versionDir(releasesDir, version)
    const record = await readInstallRecord(dir, log)
    found.push({
      version,
      dir,
      sizeBytes: await folderSize(dir),
      source: record?.source ?? 'unknown',
      isVerified: record?.isVerified ?? false,
      installedAt: record?.installedAt ?? null,
    })
  }
  return found.sort((a, b) => newestFirst(a.version, b.version))
}

/** Total size of the files in a folder (one level: a version folder holds only files). */
async function folderSize(dir: string): Promise<number> {
  let total = 0
  for (const name of await readdir(dir)) {
    const info = await stat(join(dir, name)).catch((error: unknown) => {
      // Removed between the listing and now: it no longer counts.
      if (errnoOf(error) === 'ENOENT') return null
      throw error
    })
    if (info?.isFile()) total += info.size
  }
  return total
}
