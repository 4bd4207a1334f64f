import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { EngineLog } from '../log/engine-log'
import { errnoOf } from './fs-errors'

/**
 * Prefix of every work folder in the releases folder (downloads, extraction, removals); a
 * dot-name, so listings of versions never see them.
 */
const WORK_PREFIX = '.tmp-'

/** A fresh private work folder in the releases folder, named after its job ("v3.5.17"). */
export function makeWorkDir(releasesDir: string, job: string): Promise<string> {
  return mkdtemp(join(releasesDir, `${WORK_PREFIX}${job}-`))
}

/**
 * Removes a work folder once its job is done. A folder that cannot be removed is logged and left
 * for the next start's sweep: the job itself succeeded or failed on its own account.
 */
export async function removeWorkDir(dir: string, log: EngineLog): Promise<void> {
  await rm(dir, { recursive: true, force: true }).catch((error: unknown) => {
    log.warn(
      { err: error, folder: dir },
      'could not remove a release work folder; the next start will',
    )
  })
}

/**
 * Removes the work folders an earlier run left behind (killed or crashed mid-install). Run once
 * when the release manager starts, before its first job: the engine's data-directory lock makes
 * this engine the only user of the folder, so every work folder found then is stale. Failures
 * are logged, never thrown: a leftover folder costs disk space, not correctness.
 */
export async function sweepWorkFolders(releasesDir: string, log: EngineLog): Promise<void> {
  let names: string[]
  try {
    names = await readdir(releasesDir)
  } catch (error) {
    if (errnoOf(error) !== 'ENOENT') {
      log.warn({ err: error, folder: releasesDir }, 'could not look for stale release work folders')
    }
    return
  }
  for (const name of names.filter((n) => n.startsWith(WORK_PREFIX))) {
    const dir = join(releasesDir, name)
    await rm(dir, { recursive: true, force: true }).then(
      () => log.info({ folder: dir }, 'removed a stale release work folder'),
      (error: unknown) =>
        log.warn({ err: error, folder: dir }, 'could not remove a stale release work folder'),
    )
  }
}
