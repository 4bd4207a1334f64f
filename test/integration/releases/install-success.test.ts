import { spawn } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InstallProgress } from '../../../src/shared/releases'
import { freePorts } from '../../helpers/free-port'
import { startReleaseServer, type ReleaseServer } from '../../helpers/release-server'
import { makeTestDir } from '../../helpers/test-dirs'
import { REAL_VERSION } from './release-archives'
import {
  buildRealArchives,
  capturedLog,
  DARWIN_ASSET,
  expectCleanFailure,
  LINUX_ASSET,
  newManager,
  publish,
  snapshot,
} from './release-fixture'

let server: ReleaseServer
let archives: Awaited<ReturnType<typeof buildRealArchives>>

beforeAll(async () => {
  archives = await buildRealArchives({ withZip: true })
  server = await startReleaseServer()
  publish(server, archives.tarGz)
  server.publish(REAL_VERSION, DARWIN_ASSET, archives.zip!.path)
  server.publishText(
    REAL_VERSION,
    'SHA256SUMS',
    `${archives.tarGz.sha256}  ${LINUX_ASSET}\n${archives.zip!.sha256}  ${DARWIN_ASSET}\n`,
  )
})
afterAll(async () => server?.close())

/** Starts a one-member etcd from `etcdPath`, waits for /health, kills it. */
async function runsHealthyEtcd(etcdPath: string): Promise<void> {
  const [clientPort, peerPort] = await freePorts(2)
  const client = `http://127.0.0.1:${clientPort}`
  const peer = `http://127.0.0.1:${peerPort}`
  const child = spawn(
    etcdPath,
    [
      '--name=solo',
      `--data-dir=${join(makeTestDir('installed-etcd'), 'data')}`,
      `--listen-client-urls=${client}`,
      `--advertise-client-urls=${client}`,
      `--listen-peer-urls=${peer}`,
      `--initial-advertise-peer-urls=${peer}`,
      `--initial-cluster=solo=${peer}`,
    ],
    { stdio: 'ignore' },
  )
  try {
    const deadline = Date.now() + 20_000
    for (;;) {
      const health = await fetch(`${client}/health`)
        .then((r) => r.json() as Promise<{ health?: string }>)
        .catch(() => null)
      if (health?.health === 'true') return
      if (Date.now() > deadline) throw new Error(`etcd from ${etcdPath} never became healthy`)
      await new Promise((r) => setTimeout(r, 100))
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGKILL')
    await exited
  }
}

describe('installing a release', () => {
  it('downloads, verifies and installs a .tar.gz, then a real etcd runs from it', async () => {
    server.requests.length = 0
    const { log, lines } = capturedLog()
    const { manager, releasesDir } = newManager([server.base], { progressIntervalMs: 0, log })
    const events: InstallProgress[] = []
    const binary = await manager.install(REAL_VERSION, { onProgress: (p) => events.push(p) })
    expect(binary).toEqual({
      etcd: join(releasesDir, `v${REAL_VERSION}`, 'etcd'),
      etcdctl: join(releasesDir, `v${REAL_VERSION}`, 'etcdctl'),
      etcdutl: null,
      version: REAL_VERSION,
      source: 'release',
    })
    expect(snapshot(releasesDir)).toEqual([
      `v${REAL_VERSION}`,
      `v${REAL_VERSION}/etcd`,
      `v${REAL_VERSION}/etcdctl`,
      `v${REAL_VERSION}/install.json`,
    ])
    expect(statSync(binary.etcdctl).mode & 0o111).toBe(0o111)

    const downloads = events.filter((e) => e.phase === 'downloading')
    const bytes = downloads.map((e) => e.bytes)
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b))
    expect(downloads.at(-1)).toMatchObject({ bytes: statSync(archives.tarGz.path).size })
    expect(downloads.at(-1)?.total).toBe(statSync(archives.tarGz.path).size)
    expect(events.map((e) => e.phase).filter((p) => p !== 'downloading')).toEqual([
      'verifying',
      'extracting',
      'checking',
      'installed',
    ])

    expect(lines.map((l) => l.msg)).toEqual(['installing etcd', 'installed etcd'])
    expect(lines[1]).toMatchObject({
      level: 'info',
      version: REAL_VERSION,
      from: new URL(server.origin).host,
      bytes: statSync(archives.tarGz.path).size,
      durationMs: expect.any(Number),
    })

    const [installed] = await manager.listInstalled()
    expect(installed).toMatchObject({
      version: REAL_VERSION,
      source: `${server.base}/v${REAL_VERSION}/${LINUX_ASSET}`,
      isVerified: true,
    })
    expect(installed!.sizeBytes).toBeGreaterThan(30_000_000)
    // Installing again is instant: no new download.
    const archiveRequests = server.countOf(LINUX_ASSET)
    await manager.install(`v${REAL_VERSION}`)
    expect(server.countOf(LINUX_ASSET)).toBe(archiveRequests)
    await runsHealthyEtcd(binary.etcd)
    await manager.close()
  })

  it('installs the .zip variant (darwin naming) into a path with spaces and non-ASCII', async () => {
    const releasesDir = join(makeTestDir('unicode'), 'data dir ü 日本', 'etcd')
    const { manager } = newManager([server.base], { releasesDir, platform: 'darwin', arch: 'x64' })
    const binary = await manager.install(REAL_VERSION)
    expect(binary.etcd).toBe(join(releasesDir, `v${REAL_VERSION}`, 'etcd'))
    const record = JSON.parse(
      readFileSync(join(releasesDir, `v${REAL_VERSION}`, 'install.json'), 'utf8'),
    )
    expect(record).toMatchObject({ archive: DARWIN_ASSET, isVerified: true })
    await runsHealthyEtcd(binary.etcd)
    await manager.close()
  })

  it('collapses concurrent installs of one version into one download', async () => {
    server.requests.length = 0
    const { manager } = newManager([server.base])
    const seen = [0, 0]
    const [a, b] = await Promise.all([
      manager.install(REAL_VERSION, { onProgress: () => seen[0]!++ }),
      manager.install(REAL_VERSION, { onProgress: () => seen[1]!++ }),
    ])
    expect(a).toEqual(b)
    expect(server.countOf(LINUX_ASSET)).toBe(1)
    expect(seen[0]).toBeGreaterThan(0)
    expect(seen[1]).toBeGreaterThan(0)
    await manager.close()
  })

  it('a caller that cancels leaves the shared download to the other; the last one stops it', async () => {
    server.misbehave('slow')
    const { manager, releasesDir } = newManager([server.base])
    /** Two callers of one install; resolves once bytes arrive. */
    const twoCallers = async () => {
      const controllers = [new AbortController(), new AbortController()] as const
      let hasBytes = (): void => undefined
      const flowing = new Promise<void>((resolve) => (hasBytes = resolve))
      const installs = controllers.map((c) =>
        manager.install(REAL_VERSION, {
          signal: c.signal,
          onProgress: (p) => p.bytes > 0 && hasBytes(),
        }),
      )
      await flowing
      return { controllers, installs }
    }
    server.requests.length = 0
    const kept = await twoCallers()
    kept.controllers[0].abort()
    await expect(kept.installs[0]).rejects.toMatchObject({ code: 'DOWNLOAD_CANCELLED' })
    expect((await kept.installs[1]!).version).toBe(REAL_VERSION)
    expect(server.countOf(LINUX_ASSET)).toBe(1)

    await manager.remove(REAL_VERSION)
    const run = async () => {
      const both = await twoCallers()
      both.controllers[0].abort()
      await expect(both.installs[0]).rejects.toMatchObject({ code: 'DOWNLOAD_CANCELLED' })
      both.controllers[1].abort()
      return both.installs[1]!
    }
    await expectCleanFailure(run, releasesDir, 'DOWNLOAD_CANCELLED', /etcd 3\.4\.23/)
    server.misbehave('none')
    await manager.close()
  })

  it('falls over from an unreachable and a 404 source to the next one', async () => {
    server.requests.length = 0
    const [closed] = await freePorts(1)
    const { manager } = newManager([
      `http://127.0.0.1:${closed}/etcd`,
      `${server.origin}/nothing-here`,
      server.base,
    ])
    const binary = await manager.install(REAL_VERSION)
    expect(binary.version).toBe(REAL_VERSION)
    expect(server.countOf('/nothing-here/v3.4.23/SHA256SUMS')).toBe(1)
    expect(server.countOf(`/etcd/v3.4.23/${LINUX_ASSET}`)).toBe(1)
    await manager.close()
  })

  it('resumes a dropped download with Range and retries a 503', async () => {
    for (const misbehaviour of ['drop-once', 'error-once'] as const) {
      server.requests.length = 0
      server.misbehave(misbehaviour)
      const { manager, releasesDir } = newManager([server.base])
      await manager.install(REAL_VERSION)
      const gets = server.requests.filter((r) => r.path.endsWith(LINUX_ASSET))
      expect(gets).toHaveLength(2)
      if (misbehaviour === 'drop-once') {
        // It resumes after what reached the file: at most what the server sent before the drop.
        const size = statSync(archives.tarGz.path).size
        const resumedAt = Number(/^bytes=(\d+)-$/.exec(gets[1]!.range ?? '')?.[1])
        expect(resumedAt).toBeGreaterThan(0)
        expect(resumedAt).toBeLessThanOrEqual(Math.floor(size / 2))
      } else {
        expect(gets[1]!.range).toBeUndefined()
      }
      expect(snapshot(releasesDir)).toContain(`v${REAL_VERSION}/etcd`)
      await manager.close()
    }
    server.misbehave('none')
  })
})
