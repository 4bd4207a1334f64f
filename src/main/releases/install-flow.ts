import { mkdir } from 'node:fs/promises'
import { EngineError, isEngineError } from '../errors/engine-error'
import type { EtcdBinary } from '../etcd/etcd-binary'
import type { EngineLog } from '../log/engine-log'
import { diskError } from './fs-errors'
import { hostOf } from './http-client'
import { installedBinary, versionDir, writeInstallRecord } from './installed-releases'
import type { ProgressMeter } from './progress-meter'
import type { ReleaseAsset } from './release-assets'
import { commitStaged, stageRelease } from './release-staging'
import { makeWorkDir, removeWorkDir } from './work-folders'

/** An archive ready to be installed, and what the install record should say about it. */
export interface ObtainedArchive {
  file: string
  /** The URL it came from, or "import". */
  source: string
  isVerified: boolean
  /** Its size, for the log. */
  bytes: number
}

/** Where and how an install runs. */
export interface InstallFlowContext {
  releasesDir: string
  meter: ProgressMeter
  signal: AbortSignal
  log: EngineLog
}

/**
 * Installs one version: `obtain` puts a verified archive in a private work folder, which is
 * extracted, checked and renamed into `<releasesDir>/v<version>` in one step. Whatever happens,
 * the work folder is removed, so a failure leaves the releases folder as it was. An install that
 * finds the version already there returns it. Start, end and failure go to the engine log.
 */
export async function runInstall(
  ctx: InstallFlowContext,
  asset: ReleaseAsset,
  obtain: (workDir: string) => Promise<ObtainedArchive>,
): Promise<EtcdBinary> {
  const releasesDir = ctx.releasesDir
  const version = asset.version
  const existing = await installedBinary(releasesDir, version, asset.exe)
  if (existing) return existing
  const started = performance.now()
  ctx.log.info({ version, archive: asset.fileName }, 'installing etcd')
  try {
    const archive = await installInWorkDir(ctx, asset, obtain)
    ctx.meter.phase('installed')
    ctx.log.info(
      {
        version,
        from: archive.source === 'import' ? 'import' : hostOf(archive.source),
        bytes: archive.bytes,
        durationMs: Math.round(performance.now() - started),
      },
      'installed etcd',
    )
    return (await installedBinary(releasesDir, version, asset.exe))!
  } catch (error) {
    const code = isEngineError(error) ? error.code : undefined
    const fields = {
      version,
      code,
      err: error,
      durationMs: Math.round(performance.now() - started),
    }
    if (code === 'DOWNLOAD_CANCELLED') ctx.log.info(fields, 'etcd install cancelled')
    else ctx.log.warn(fields, 'etcd install failed')
    throw error
  }
}

async function installInWorkDir(
  ctx: InstallFlowContext,
  asset: ReleaseAsset,
  obtain: (workDir: string) => Promise<ObtainedArchive>,
): Promise<ObtainedArchive> {
  const doing = `install etcd ${asset.version}`
  const workDir = await mkdir(ctx.releasesDir, { recursive: true })
    .then(() => makeWorkDir(ctx.releasesDir, `v${asset.version}`))
    .catch((error: unknown) => {
      throw diskError(error, doing, ctx.releasesDir)
    })
  try {
    const archive = await obtain(workDir)
    ctx.signal.throwIfAborted()
    const stageDir = await stageRelease(archive.file, asset, workDir, ctx.meter)
    ctx.signal.throwIfAborted()
    await writeInstallRecord(stageDir, {
      version: asset.version,
      source: archive.source,
      isVerified: archive.isVerified,
      installedAt: new Date().toISOString(),
      archive: asset.fileName,
    })
    await commitStaged(stageDir, versionDir(ctx.releasesDir, asset.version), workDir, ctx.log)
    return archive
  } catch (error) {
    if (ctx.signal.aborted) throw cancelled(asset.version)
    throw diskError(error, doing, ctx.releasesDir)
  } finally {
    await removeWorkDir(workDir, ctx.log)
  }
}

/** DOWNLOAD_CANCELLED naming the version. */
export function cancelled(version: string): EngineError {
  return new EngineError('DOWNLOAD_CANCELLED', `The install of etcd ${version} was cancelled.`, {
    version,
  })
}
