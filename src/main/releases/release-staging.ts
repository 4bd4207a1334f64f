import { chmod, mkdir, rename, stat } from 'node:fs/promises'
import { basename, dirname, join, sep } from 'node:path'
import { readEtcdVersion } from '../etcd/etcd-binary'
import type { EngineLog } from '../log/engine-log'
import { archiveInvalid } from './archive-entries'
import { extractTarGz } from './extract-tar'
import { extractZip } from './extract-zip'
import type { ProgressMeter } from './progress-meter'
import type { ReleaseAsset } from './release-assets'

/**
 * Turns an archive into a complete version folder inside the work folder: only the binaries (the
 * top-level folder stripped), executable, and an etcd that reports the expected version.
 */
export async function stageRelease(
  archive: string,
  asset: ReleaseAsset,
  workDir: string,
  meter: ProgressMeter,
): Promise<string> {
  const fileName = basename(archive)
  const extractDir = join(workDir, 'extract')
  const stageDir = join(workDir, `v${asset.version}`)
  meter.phase('extracting')
  await mkdir(extractDir)
  const found =
    asset.format === 'tar.gz'
      ? await extractTarGz(archive, extractDir, asset.binaries)
      : await extractZip(archive, extractDir, asset.binaries)
  const missing = asset.binaries.filter((name) => !found.has(name))
  if (missing.length > 0) {
    throw archiveInvalid(
      fileName,
      `has no ${missing.join(', ')} (etcd ${asset.version} needs ${asset.binaries.join(', ')})`,
    )
  }
  await mkdir(stageDir)
  for (const [name, path] of found) {
    await rename(path, join(stageDir, name))
    await chmod(join(stageDir, name), 0o755)
  }
  meter.phase('checking')
  await checkReportedVersion(join(stageDir, `etcd${asset.exe}`), asset, fileName)
  return stageDir
}

/** `etcd --version` must run and report exactly the version being installed. */
async function checkReportedVersion(
  etcd: string,
  asset: ReleaseAsset,
  fileName: string,
): Promise<void> {
  let reported: string
  try {
    reported = await readEtcdVersion(etcd)
  } catch (error) {
    // The first line says why; the work folder's path in it means nothing to the user.
    const message = error instanceof Error ? error.message : String(error)
    const reason = message.split('\n')[0]!.replaceAll(dirname(etcd) + sep, '')
    throw archiveInvalid(fileName, `holds an etcd that does not run here (${reason})`)
  }
  if (reported !== asset.version) {
    throw archiveInvalid(fileName, `holds etcd ${reported}, not the expected ${asset.version}`)
  }
}

/**
 * Moves a staged version folder to its final place with one rename, so the version appears
 * complete or not at all. A broken folder already there (no etcd in it) is moved aside first and
 * put back if the rename fails (if even that fails, it is logged: it held no etcd anyway).
 */
export async function commitStaged(
  stageDir: string,
  finalDir: string,
  workDir: string,
  log: EngineLog,
): Promise<void> {
  const aside = join(workDir, 'replaced')
  const hasOld = await stat(finalDir).then(
    () => true,
    () => false,
  )
  if (hasOld) await rename(finalDir, aside)
  try {
    await rename(stageDir, finalDir)
  } catch (error) {
    if (hasOld) {
      await rename(aside, finalDir).catch((restoreError: unknown) => {
        log.warn(
          { err: restoreError, folder: finalDir },
          'could not put back the broken version folder an install moved aside; it is deleted',
        )
      })
    }
    throw error
  }
}
