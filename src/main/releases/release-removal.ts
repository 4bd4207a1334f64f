import { rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { EngineError } from '../errors/engine-error'
import { diskError } from './fs-errors'
import { lockFileOf, workPrefixOf } from './install-flow'
import { InstallLock } from './install-lock'
import { versionDir } from './installed-releases'

/**
 * Deletes an installed version. Under the version lock, the folder is first renamed to a work
 * name (one atomic step, so the version vanishes at once), then deleted.
 */
export async function removeRelease(releasesDir: string, version: string): Promise<void> {
  const dir = versionDir(releasesDir, version)
  const isThere = await stat(dir).then(
    (info) => info.isDirectory(),
    () => false,
  )
  if (!isThere) {
    throw new EngineError('RELEASE_NOT_FOUND', `etcd ${version} is not installed.`, { version })
  }
  const lock = await InstallLock.acquire(lockFileOf(releasesDir, version))
  try {
    const trash = join(releasesDir, `${workPrefixOf(version)}${process.pid}_removed`)
    await rename(dir, trash).catch((error: unknown) => {
      throw diskError(error, `remove etcd ${version}`, dir)
    })
    await rm(trash, { recursive: true, force: true })
  } finally {
    await lock.release()
  }
}
