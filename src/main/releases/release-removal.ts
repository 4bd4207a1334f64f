import { rename, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { EngineError } from '../errors/engine-error'
import type { EngineLog } from '../log/engine-log'
import { diskError } from './fs-errors'
import { versionDir } from './installed-releases'
import { makeWorkDir, removeWorkDir } from './work-folders'

/**
 * Deletes an installed version: the folder is first moved into a work folder (one atomic rename,
 * so the version vanishes at once), then deleted.
 */
export async function removeRelease(
  releasesDir: string,
  version: string,
  log: EngineLog,
): Promise<void> {
  const dir = versionDir(releasesDir, version)
  const isThere = await stat(dir).then(
    (info) => info.isDirectory(),
    () => false,
  )
  if (!isThere) {
    throw new EngineError('RELEASE_NOT_FOUND', `etcd ${version} is not installed.`, { version })
  }
  let trash: string | null = null
  try {
    trash = await makeWorkDir(releasesDir, `removed-v${version}`)
    await rename(dir, join(trash, `v${version}`))
  } catch (error) {
    throw diskError(error, `remove etcd ${version}`, dir)
  } finally {
    if (trash) await removeWorkDir(trash, log)
  }
  log.info({ version }, 'removed etcd')
}
