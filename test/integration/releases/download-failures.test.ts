import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { freePorts } from '../../helpers/free-port'
import { startReleaseServer, type ReleaseServer } from '../../helpers/release-server'
import { REAL_VERSION, sha256sums, type BuiltArchive } from './release-archives'
import {
  buildRealArchives,
  capturedLog,
  expectCleanFailure,
  LINUX_ASSET,
  newManager,
  publish,
} from './release-fixture'

let server: ReleaseServer
let real: BuiltArchive
const V = REAL_VERSION

beforeAll(async () => {
  real = (await buildRealArchives()).tarGz
  server = await startReleaseServer()
})
afterAll(async () => server?.close())
beforeEach(() => {
  server.misbehave('none')
  server.requests.length = 0
  publish(server, real)
})

/** A fresh manager against the server; returns a function that installs the real version. */
function installer(overrides: Parameters<typeof newManager>[1] = {}) {
  const { manager, releasesDir } = newManager([server.base], overrides)
  return { manager, releasesDir, install: () => manager.install(V) }
}

describe('download failures leave the releases folder as it was', () => {
  it('404 → RELEASE_NOT_FOUND', async () => {
    server.misbehave('not-found')
    const { install, releasesDir } = installer()
    await expectCleanFailure(install, releasesDir, 'RELEASE_NOT_FOUND', /etcd 3\.4\.23/)
  })

  it('a download cut short every time → DOWNLOAD_FAILED after the retries', async () => {
    server.misbehave('truncate')
    const { install, releasesDir } = installer()
    const error = await expectCleanFailure(install, releasesDir, 'DOWNLOAD_FAILED', LINUX_ASSET)
    expect(error.message).toMatch(/3 attempts/)
    expect(server.countOf(LINUX_ASSET)).toBe(3)
  })

  it('a stalled server → DOWNLOAD_FAILED naming the stall', async () => {
    server.misbehave('stall')
    const { install, releasesDir } = installer({ retry: { attempts: 2, delayMs: 10 } })
    const error = await expectCleanFailure(install, releasesDir, 'DOWNLOAD_FAILED', LINUX_ASSET)
    expect(error.message).toMatch(/sent nothing for 0\.4 s/)
  })

  it('a wrong checksum → CHECKSUM_MISMATCH, logged with the source and the code', async () => {
    publish(server, real, sha256sums([{ fileName: LINUX_ASSET, sha256: '0'.repeat(64) }]))
    const { log, lines } = capturedLog()
    const { install, releasesDir } = installer({ log })
    await expectCleanFailure(install, releasesDir, 'CHECKSUM_MISMATCH', LINUX_ASSET)
    const host = new URL(server.origin).host
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'info', msg: 'installing etcd', version: V }),
    )
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: 'release source failed', from: host }),
    )
    expect(lines.at(-1)).toMatchObject({
      level: 'warn',
      msg: 'etcd install failed',
      version: V,
      code: 'CHECKSUM_MISMATCH',
      durationMs: expect.any(Number),
    })
  })

  it('SHA256SUMS without the asset → CHECKSUM_MISSING, the archive never downloaded', async () => {
    const sums = sha256sums([{ fileName: 'etcd-v3.4.23-linux-arm64.tar.gz', sha256: real.sha256 }])
    publish(server, real, sums)
    const { install, releasesDir } = installer()
    await expectCleanFailure(install, releasesDir, 'CHECKSUM_MISSING', LINUX_ASSET)
    expect(server.countOf(LINUX_ASSET)).toBe(0)
  })

  it('cancel mid-download → DOWNLOAD_CANCELLED', async () => {
    server.misbehave('slow')
    const { manager, releasesDir } = installer()
    const controller = new AbortController()
    const run = () =>
      manager.install(V, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'downloading' && p.bytes > 1_000_000) controller.abort()
        },
      })
    await expectCleanFailure(run, releasesDir, 'DOWNLOAD_CANCELLED', /etcd 3\.4\.23/)
  })

  it('closing the manager mid-download → DOWNLOAD_CANCELLED; later installs are refused', async () => {
    server.misbehave('slow')
    const { manager, releasesDir } = installer()
    let hasStarted = (): void => undefined
    const started = new Promise<void>((resolve) => (hasStarted = resolve))
    const run = async () => {
      const install = manager.install(V, {
        onProgress: (p) => p.phase === 'downloading' && p.bytes > 0 && hasStarted(),
      })
      await started
      const [outcome] = await Promise.allSettled([install, manager.close()])
      if (outcome.status === 'rejected') throw outcome.reason
      return outcome.value
    }
    await expectCleanFailure(run, releasesDir, 'DOWNLOAD_CANCELLED', /etcd 3\.4\.23/)
    await expect(manager.install(V)).rejects.toMatchObject({
      code: 'DOWNLOAD_CANCELLED',
      message: expect.stringMatching(/etcd 3\.4\.23 was not started: the engine is shutting down/),
    })
  })

  it('no source reachable → OFFLINE', async () => {
    const ports = await freePorts(2)
    const { manager, releasesDir } = newManager(ports.map((p) => `http://127.0.0.1:${p}/etcd`))
    const error = await expectCleanFailure(
      () => manager.install(V),
      releasesDir,
      'OFFLINE',
      /3\.4\.23/,
    )
    expect(error.message).toContain(`127.0.0.1:${ports[1]}`)
  })

  it('an unsupported OS/arch → PLATFORM_UNSUPPORTED before any request', async () => {
    const pairs: [NodeJS.Platform, string, RegExp][] = [
      ['freebsd', 'x64', /freebsd\/x64/],
      ['win32', 'arm64', /3\.4\.23.*windows-arm64/],
      ['darwin', 'arm64', /3\.4\.23.*darwin-arm64/],
    ]
    for (const [platform, arch, mentions] of pairs) {
      const { install, releasesDir } = installer({ platform, arch })
      await expectCleanFailure(install, releasesDir, 'PLATFORM_UNSUPPORTED', mentions)
    }
    expect(server.requests).toHaveLength(0)
  })
})
