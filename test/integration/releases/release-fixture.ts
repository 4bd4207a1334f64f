/** Shared set-up for the release tests: archives, a server publishing them, managers, dir snapshots. */
import { existsSync, mkdirSync, readdirSync, readlinkSync } from 'node:fs'
import { join, relative } from 'node:path'
import { Writable } from 'node:stream'
import { pino } from 'pino'
import { expect } from 'vitest'
import { EngineError } from '../../../src/main/errors/engine-error'
import type { EngineLog } from '../../../src/main/log/engine-log'
import {
  ReleaseManager,
  type ReleaseManagerOptions,
} from '../../../src/main/releases/release-manager'
import type { ErrorCode } from '../../../src/shared/result'
import type { ReleaseServer } from '../../helpers/release-server'
import { makeTestDir } from '../../helpers/test-dirs'
import {
  REAL_VERSION,
  realEntries,
  sha256sums,
  writeTarGz,
  writeZip,
  type ArchiveEntry,
  type BuiltArchive,
} from './release-archives'

/** The linux-amd64 asset name of the real version. */
export const LINUX_ASSET = `etcd-v${REAL_VERSION}-linux-amd64.tar.gz`
/** The darwin-amd64 asset name (a zip holding the same linux binaries). */
export const DARWIN_ASSET = `etcd-v${REAL_VERSION}-darwin-amd64.zip`
/** The top-level folder inside the linux archive. */
export const LINUX_TOP = `etcd-v${REAL_VERSION}-linux-amd64`

/** Builds the real linux .tar.gz (and, on request, the darwin .zip) in a fresh folder. */
export async function buildRealArchives(
  options: { withZip?: boolean } = {},
): Promise<{ dir: string; tarGz: BuiltArchive; zip?: BuiltArchive }> {
  const dir = makeTestDir('release-archives')
  const tarGz = await writeTarGz(dir, LINUX_ASSET, realEntries(LINUX_TOP))
  if (!options.withZip) return { dir, tarGz }
  const zip = await writeZip(dir, DARWIN_ASSET, realEntries(`etcd-v${REAL_VERSION}-darwin-amd64`))
  return { dir, tarGz, zip }
}

/** Builds a small linux archive from entries under the usual top folder. */
export function buildVariant(
  dir: string,
  name: string,
  entries: ArchiveEntry[],
): Promise<BuiltArchive> {
  const variantDir = join(dir, name)
  mkdirSync(variantDir, { recursive: true })
  return writeTarGz(variantDir, LINUX_ASSET, entries)
}

/** Publishes an archive for the real version with a SHA256SUMS that lists it (or `sums` instead). */
export function publish(server: ReleaseServer, archive: BuiltArchive, sums?: string): void {
  server.publish(REAL_VERSION, archive.fileName, archive.path)
  server.publishText(REAL_VERSION, 'SHA256SUMS', sums ?? sha256sums([archive]))
}

/** A manager on a fresh releases folder, talking only to `sources`, with fast retries. */
export function newManager(
  sources: string[],
  overrides: Partial<ReleaseManagerOptions> = {},
): { manager: ReleaseManager; releasesDir: string } {
  const releasesDir = overrides.releasesDir ?? join(makeTestDir('releases'), 'data', 'etcd')
  const manager = new ReleaseManager({
    releasesDir,
    sources,
    env: {},
    findSystemEtcd: async () => null,
    retry: { attempts: 3, delayMs: 20 },
    stallTimeoutMs: 400,
    ...overrides,
  })
  return { manager, releasesDir }
}

/** Every path under a folder (relative, sorted); [] when it does not exist. */
export function snapshot(dir: string): string[] {
  if (!existsSync(dir)) return []
  const found: string[] = []
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name)
      found.push(relative(dir, path))
      if (entry.isDirectory()) walk(path)
    }
  }
  walk(dir)
  return found.sort()
}

/** Files under `dir` this process holds open (Linux: /proc/self/fd; elsewhere none are seen). */
function openFilesUnder(dir: string): string[] {
  if (!existsSync('/proc/self/fd')) return []
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`)
      return target.startsWith(dir) ? [target] : []
    } catch {
      return [] // the descriptor of the listing itself, closed by now
    }
  })
}

/** A logger that keeps every line as an object, to check what the engine log would say. */
export function capturedLog(): { log: EngineLog; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>)
      done()
    },
  })
  return { log: pino({ formatters: { level: (label) => ({ level: label }) } }, sink), lines }
}

/**
 * Runs an install expected to fail and checks the contract of every failure: the code, a message
 * naming `mentions`, a releases folder exactly as before with no temp file left, and no file in it
 * still open.
 */
export async function expectCleanFailure(
  run: () => Promise<unknown>,
  releasesDir: string,
  code: ErrorCode,
  mentions: string | RegExp,
): Promise<EngineError> {
  const before = snapshot(releasesDir)
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  )
  expect(error, 'the install should have failed').toBeInstanceOf(EngineError)
  const engineError = error as EngineError
  if (process.env.SHOW_ERRORS) console.log(engineError.code, engineError.message)
  expect(engineError.code, engineError.message).toBe(code)
  expect(engineError.message).toMatch(mentions)
  expect(snapshot(releasesDir)).toEqual(before)
  expect(openFilesUnder(releasesDir)).toEqual([])
  return engineError
}
