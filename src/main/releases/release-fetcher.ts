import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Dispatcher } from 'undici'
import type { ErrorCode } from '../../shared/result'
import { EngineError, isEngineError } from '../errors/engine-error'
import type { EngineLog } from '../log/engine-log'
import { downloadFile } from './file-download'
import { hostOf } from './http-client'
import { fetchText, type HttpRequest, type RetryPolicy } from './http-request'
import type { ProgressMeter } from './progress-meter'
import type { ReleaseAsset } from './release-assets'
import { releaseFolderUrl } from './release-sources'
import { expectChecksum, findChecksum } from './sha256sums'

/** Why 1 MB: a real SHA256SUMS is a few KB; anything far bigger is not one. */
const SUMS_MAX_BYTES = 1024 * 1024

/** What the fetcher needs besides the asset: the HTTP client, its limits, progress and the log. */
export interface FetchContext {
  dispatcher: Dispatcher
  stallTimeoutMs: number
  retry: RetryPolicy
  meter: ProgressMeter
  signal?: AbortSignal
  log: EngineLog
}

/** A downloaded archive whose checksum matched, inside the work folder. */
export interface FetchedArchive {
  file: string
  url: string
  bytes: number
}

/** Errors that end the install at once instead of trying the next source. */
const FINAL_CODES = new Set<ErrorCode>([
  'DOWNLOAD_CANCELLED',
  'DISK_FULL',
  'DATA_DIR_UNWRITABLE',
  'INVALID_REQUEST',
])
/** When every source failed, the most telling failure is reported (earlier = more telling). */
const FAILURE_PRIORITY: ErrorCode[] = [
  'CHECKSUM_MISMATCH',
  'CHECKSUM_MISSING',
  'DOWNLOAD_FAILED',
  'RELEASE_NOT_FOUND',
  'OFFLINE',
]

/**
 * Downloads an asset from the first source that has it and verifies it against that source's
 * SHA256SUMS, falling over to the next source on any failure but a final one.
 */
export async function fetchVerifiedArchive(
  asset: ReleaseAsset,
  sources: readonly string[],
  workDir: string,
  ctx: FetchContext,
): Promise<FetchedArchive> {
  const failures: EngineError[] = []
  for (const base of sources) {
    try {
      return await fetchFrom(base, asset, workDir, ctx)
    } catch (error) {
      await rm(join(workDir, asset.fileName), { force: true })
      if (!isEngineError(error) || FINAL_CODES.has(error.code)) throw error
      ctx.log.warn(
        { version: asset.version, from: hostOf(base), code: error.code, reason: error.message },
        'release source failed',
      )
      failures.push(error)
    }
  }
  throw pickFailure(failures, asset, sources)
}

/**
 * One source: SHA256SUMS first (a source that cannot vouch for the archive is not worth
 * downloading from), then the archive, hashed as it is written, so checking it costs no re-read.
 */
async function fetchFrom(
  base: string,
  asset: ReleaseAsset,
  workDir: string,
  ctx: FetchContext,
): Promise<FetchedArchive> {
  const folder = releaseFolderUrl(base, asset.version)
  const common = {
    dispatcher: ctx.dispatcher,
    stallTimeoutMs: ctx.stallTimeoutMs,
    retry: ctx.retry,
    signal: ctx.signal,
  }
  const expected = await expectedChecksum(folder, asset, common)
  const url = `${folder}/${asset.fileName}`
  const file = join(workDir, asset.fileName)
  ctx.meter.startDownload(url)
  const download = await downloadFile({
    ...common,
    url,
    file,
    label: `etcd ${asset.version} (${asset.fileName})`,
    onBytes: (bytes, total) => ctx.meter.update(bytes, total),
  })
  ctx.meter.finishDownload()
  ctx.meter.phase('verifying')
  const what = { version: asset.version, fileName: asset.fileName, from: hostOf(url) }
  await expectChecksum(download.sha256, expected, what, file)
  return { file, url, bytes: download.bytes }
}

async function expectedChecksum(
  folder: string,
  asset: ReleaseAsset,
  common: Omit<HttpRequest, 'url' | 'label'>,
): Promise<string> {
  const url = `${folder}/SHA256SUMS`
  const sums = await fetchText(
    { ...common, url, label: `etcd ${asset.version} (SHA256SUMS)` },
    SUMS_MAX_BYTES,
  )
  const expected = findChecksum(sums, asset.fileName)
  if (expected) return expected
  throw new EngineError(
    'CHECKSUM_MISSING',
    `${url} does not list ${asset.fileName}, so etcd ${asset.version} cannot be verified and was not installed.`,
    { version: asset.version, file: asset.fileName, url },
  )
}

function pickFailure(
  failures: EngineError[],
  asset: ReleaseAsset,
  sources: readonly string[],
): EngineError {
  const bySource = failures.map((f) => ({ code: f.code, message: f.message }))
  if (failures.every((f) => f.code === 'OFFLINE')) {
    return new EngineError(
      'OFFLINE',
      `No release source could be reached for etcd ${asset.version} (${sources.map(hostOf).join(', ')}). Check the network or proxy settings, or import an archive you downloaded.`,
      { version: asset.version, file: asset.fileName, sources: bySource },
    )
  }
  const rank = (e: EngineError): number => {
    const index = FAILURE_PRIORITY.indexOf(e.code)
    return index === -1 ? FAILURE_PRIORITY.length : index
  }
  const worst = [...failures].sort((a, b) => rank(a) - rank(b))[0]!
  return new EngineError(worst.code, worst.message, {
    ...worst.detail,
    version: asset.version,
    file: asset.fileName,
    sources: bySource,
  })
}
