import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { EngineError } from '../errors/engine-error'
import type { EtcdBinary } from '../etcd/etcd-binary'
import { isAlive } from '../process/process-liveness'
import { diskError } from './fs-errors'
import { InstallLock } from './install-lock'
import { installedBinary, versionDir, writeInstallRecord } from './installed-releases'
import type { ProgressMeter } from './progress-meter'
import type { ReleaseAsset } from './release-assets'
import { commitStaged, stageRelease } from './release-staging'

/** An archive ready to be installed, and what the install record should say about it. */
export interface ObtainedArchive {
  file: string
  /** The URL it came from, or "import". */
  source: string
  isVerified: boolean
}

/** Where and how an install runs. */
export interface InstallFlowContext {
  releasesDir: string
  meter: ProgressMeter
  signal: AbortSignal
}

/** The per-version lock file; a dot-name, so listings of versions never see it. */
export function lockFileOf(releasesDir: string, version: string): string {
  return join(releasesDir, `.v${version}.lock`)
}

/** Prefix of a version's work folders; "_" cannot occur in a version, so 3.5.1 never matches 3.5.10. */
export function workPrefixOf(version: string): string {
  return `.tmp-v${version}_`
}

/**
 * Installs one version: under the version lock, `obtain` puts a verified archive in a private work
 * folder, which is extracted, checked and renamed into `<releasesDir>/v<version>` in one step.
 * Whatever happens, the work folder and the lock are removed, so a failure leaves the releases
 * folder as it was. An install that finds the version already there returns it.
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
  await mkdir(releasesDir, { recursive: true }).catch((error: unknown) => {
    throw diskError(error, `install etcd ${version}`, releasesDir)
  })
  const lock = await InstallLock.acquire(lockFileOf(releasesDir, version), {
    signal: ctx.signal,
    onWait: () => ctx.meter.phase('waiting'),
  }).catch((error: unknown) => {
    throw ctx.signal.aborted
      ? cancelled(version)
      : diskError(error, `install etcd ${version}`, releasesDir)
  })
  try {
    const installed = await installedBinary(releasesDir, version, asset.exe)
    if (installed) return installed
    await removeWorkFolders(releasesDir, version)
    await installLocked(ctx, asset, obtain)
    ctx.meter.phase('installed')
    return (await installedBinary(releasesDir, version, asset.exe))!
  } finally {
    await lock.release()
  }
}

async function installLocked(
  ctx: InstallFlowContext,
  asset: ReleaseAsset,
  obtain: (workDir: string) => Promise<ObtainedArchive>,
): Promise<void> {
  const prefix = join(ctx.releasesDir, `${workPrefixOf(asset.version)}${process.pid}_`)
  const workDir = await mkdtemp(prefix).catch((error: unknown) => {
    throw diskError(error, `install etcd ${asset.version}`, ctx.releasesDir)
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
    await commitStaged(stageDir, versionDir(ctx.releasesDir, asset.version), workDir)
  } catch (error) {
    if (ctx.signal.aborted) throw cancelled(asset.version)
    throw diskError(error, `install etcd ${asset.version}`, ctx.releasesDir)
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
}

/**
 * Removes work folders a dead process left behind: any of this version (the lock says nobody uses
 * them), and those of other versions whose process (the pid in the name) is gone.
 */
async function removeWorkFolders(releasesDir: string, version: string): Promise<void> {
  const own = workPrefixOf(version)
  for (const name of await readdir(releasesDir)) {
    const pid = /^\.tmp-v[^_]+_(\d+)_/.exec(name)?.[1]
    if (pid === undefined) continue
    if (name.startsWith(own) || !isAlive(Number(pid))) {
      await rm(join(releasesDir, name), { recursive: true, force: true })
    }
  }
}

/** DOWNLOAD_CANCELLED naming the version. */
export function cancelled(version: string): EngineError {
  return new EngineError('DOWNLOAD_CANCELLED', `The install of etcd ${version} was cancelled.`, {
    version,
  })
}
