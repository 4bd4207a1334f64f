import { copyFile, readFile, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { EngineError } from '../errors/engine-error'
import type { EtcdBinary } from '../etcd/etcd-binary'
import type { EngineLog } from '../log/engine-log'
import { archiveInvalid } from './archive-entries'
import { diskError, errnoOf } from './fs-errors'
import { runInstall } from './install-flow'
import type { ProgressMeter } from './progress-meter'
import { parseAssetName, releaseAsset, type ReleaseAsset } from './release-assets'
import { normalizeVersion } from './release-version'
import { findChecksum, verifyChecksum } from './sha256sums'

/** How a local archive is imported. */
export interface ImportOptions {
  /** A SHA256SUMS file to verify against; default: the one next to the archive, if any. */
  sha256sumsPath?: string
  /** Installs without a checksum when no SHA256SUMS lists the archive; the user must confirm this. */
  allowUnverified?: boolean
}

/** Where the import runs and for which platform. */
export interface ImportContext {
  releasesDir: string
  signal: AbortSignal
  platform: NodeJS.Platform
  arch: string
  makeMeter: (version: string) => ProgressMeter
  log: EngineLog
}

/**
 * Installs an archive the user already downloaded. It must be named like a release for this
 * computer; it is checked against a SHA256SUMS (given, or found next to it) exactly like a download,
 * and installed "unverified" only when none lists it and `allowUnverified` is set.
 */
export async function importArchive(
  path: string,
  options: ImportOptions,
  ctx: ImportContext,
): Promise<EtcdBinary> {
  const asset = importedAsset(path, ctx)
  const isThere = await stat(path).then(
    (info) => info.isFile(),
    () => false,
  )
  if (!isThere) throw archiveInvalid(asset.fileName, `was not found at ${path}`)
  const expected = await expectedChecksum(path, asset, options)
  const meter = ctx.makeMeter(asset.version)
  const flow = { releasesDir: ctx.releasesDir, meter, signal: ctx.signal, log: ctx.log }
  return runInstall(flow, asset, async (workDir) => {
    // Work on a private copy: the file checked is the file extracted, and the user's file is never touched.
    const copy = join(workDir, asset.fileName)
    await copyFile(path, copy).catch((error: unknown) => {
      throw diskError(error, `copy ${asset.fileName}`, ctx.releasesDir)
    })
    if (expected) {
      meter.phase('verifying')
      const what = { version: asset.version, fileName: asset.fileName, from: dirname(path) }
      await verifyChecksum(copy, expected, what, ctx.signal)
    }
    const { size } = await stat(copy)
    return { file: copy, source: 'import', isVerified: expected !== null, bytes: size }
  })
}

function importedAsset(path: string, ctx: ImportContext): ReleaseAsset {
  const fileName = basename(path)
  const parsed = parseAssetName(fileName)
  if (!parsed) {
    throw archiveInvalid(
      fileName,
      'is not named like an etcd release archive (etcd-v3.5.17-linux-amd64.tar.gz)',
    )
  }
  const asset = releaseAsset(normalizeVersion(parsed.version), ctx.platform, ctx.arch)
  if (asset.fileName !== fileName) {
    throw new EngineError(
      'PLATFORM_UNSUPPORTED',
      `${fileName} is for ${parsed.os}-${parsed.arch}; this computer needs ${asset.fileName}.`,
      { file: fileName, expected: asset.fileName },
    )
  }
  return asset
}

/** The checksum for the archive, or null when unverified is allowed; refuses otherwise. */
async function expectedChecksum(
  path: string,
  asset: ReleaseAsset,
  options: ImportOptions,
): Promise<string | null> {
  const sumsPath = options.sha256sumsPath ?? join(dirname(path), 'SHA256SUMS')
  const sums = await readFile(sumsPath, 'utf8').catch((error: unknown) => {
    // None next to the archive is the usual case; a named one, or one that cannot be read, is not.
    if (errnoOf(error) === 'ENOENT' && !options.sha256sumsPath) return null
    throw new EngineError(
      'CHECKSUM_MISSING',
      `Could not read ${sumsPath} to verify ${asset.fileName}.`,
      { file: asset.fileName, sha256sums: sumsPath, reason: (error as Error).message },
    )
  })
  const expected = sums === null ? null : findChecksum(sums, asset.fileName)
  if (expected || options.allowUnverified) return expected
  const why = sums === null ? `no SHA256SUMS next to it` : `${sumsPath} does not list it`
  throw new EngineError(
    'CHECKSUM_MISSING',
    `${asset.fileName} (etcd ${asset.version}) cannot be verified: ${why}. Add the release's SHA256SUMS, or confirm to install it unverified.`,
    { version: asset.version, file: asset.fileName, sha256sums: sumsPath },
  )
}
