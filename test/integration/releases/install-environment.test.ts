import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { freePorts } from '../../helpers/free-port'
import { startReleaseServer, type ReleaseServer } from '../../helpers/release-server'
import { makeTestDir } from '../../helpers/test-dirs'
import { REAL_VERSION } from './release-archives'
import {
  buildRealArchives,
  capturedLog,
  expectCleanFailure,
  LINUX_ASSET,
  newManager,
  publish,
  snapshot,
} from './release-fixture'

const V = REAL_VERSION
let server: ReleaseServer

beforeAll(async () => {
  server = await startReleaseServer()
  publish(server, (await buildRealArchives()).tarGz)
})
afterAll(async () => server?.close())
beforeEach(() => {
  server.misbehave('none')
  server.requests.length = 0
})

/** Mounts a tmpfs (root only); null where this machine does not allow it. */
function mountTmpfs(options: string): { dir: string; unmount: () => void } | null {
  const dir = makeTestDir('tmpfs')
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' })
  } catch {
    return null
  }
  return { dir, unmount: () => execFileSync('umount', [dir]) }
}
const canMount =
  process.getuid?.() === 0 &&
  (() => {
    const probe = mountTmpfs('size=1m')
    probe?.unmount()
    return probe !== null
  })()

describe('proxies and mirrors', () => {
  it('goes through HTTP_PROXY, even for a host that does not resolve', async () => {
    const { manager } = newManager(['http://releases.etcd-desk.invalid/etcd'], {
      env: { HTTP_PROXY: server.origin },
    })
    expect((await manager.install(V)).version).toBe(V)
    expect(server.requests.filter((r) => r.viaProxy).map((r) => r.path)).toContain(
      'releases.etcd-desk.invalid:80',
    )
    await manager.close()
  })

  it('bypasses the proxy for NO_PROXY hosts', async () => {
    const [deadProxy] = await freePorts(1)
    const { manager } = newManager([server.base], {
      env: { http_proxy: `http://127.0.0.1:${deadProxy}`, no_proxy: '127.0.0.1' },
    })
    expect((await manager.install(V)).version).toBe(V)
    expect(server.requests.some((r) => r.viaProxy)).toBe(false)
    await manager.close()
  })

  it('tries the option mirror, then ETCD_DESK_RELEASE_MIRROR, before the other sources', async () => {
    const [closed] = await freePorts(1)
    const { manager } = newManager([`http://127.0.0.1:${closed}/never`], {
      mirrors: [`${server.origin}/settings-mirror`],
      env: { ETCD_DESK_RELEASE_MIRROR: server.base },
    })
    expect((await manager.install(V)).version).toBe(V)
    const sums = server.requests.filter((r) => r.path.endsWith('/SHA256SUMS')).map((r) => r.path)
    expect(sums).toEqual([`/settings-mirror/v${V}/SHA256SUMS`, `/etcd/v${V}/SHA256SUMS`])
    expect(server.countOf(`/etcd/v${V}/${LINUX_ASSET}`)).toBe(1)
    await manager.close()
  })
})

describe('disks', () => {
  it.skipIf(!canMount)(
    'a full disk → DISK_FULL, while downloading and while extracting',
    async () => {
      // 8 MB holds no archive; 24 MB holds the archive (~17 MB) but not its binaries (~38 MB).
      for (const size of ['8m', '24m']) {
        const mount = mountTmpfs(`size=${size}`)!
        try {
          const { manager, releasesDir } = newManager([server.base], {
            releasesDir: join(mount.dir, 'etcd'),
          })
          await expectCleanFailure(
            () => manager.install(V),
            releasesDir,
            'DISK_FULL',
            /etcd 3\.4\.23/,
          )
          await manager.close()
        } finally {
          mount.unmount()
        }
      }
    },
  )

  it('an unwritable data dir → DATA_DIR_UNWRITABLE', async () => {
    const root = makeTestDir('read-only')
    const mount = canMount ? mountTmpfs('size=1m') : null
    const dir = mount?.dir ?? root
    mkdirSync(join(dir, 'etcd'))
    if (mount) execFileSync('mount', ['-o', 'remount,ro', dir])
    else execFileSync('chmod', ['0555', join(dir, 'etcd')])
    try {
      const { manager, releasesDir } = newManager([server.base], { releasesDir: join(dir, 'etcd') })
      await expectCleanFailure(
        () => manager.install(V),
        releasesDir,
        'DATA_DIR_UNWRITABLE',
        /not writable/,
      )
      await manager.close()
    } finally {
      mount?.unmount()
    }
  })
})

describe('left-overs of an earlier run', () => {
  it('are swept once when the manager starts, and the install then works', async () => {
    const releasesDir = join(makeTestDir('stale'), 'etcd')
    // What a killed engine leaves: work folders of this version and another (old and new names).
    const stale = [`.tmp-v${V}-abc123`, `.tmp-v3.5.0_4242_def`, '.tmp-removed-v3.4.1-x']
    for (const name of stale) mkdirSync(join(releasesDir, name, 'extract'), { recursive: true })
    writeFileSync(join(releasesDir, stale[0]!, LINUX_ASSET), 'half an archive')
    const { log, lines } = capturedLog()
    const { manager } = newManager([server.base], { releasesDir, log })
    expect((await manager.install(V)).version).toBe(V)
    expect(snapshot(releasesDir).filter((p) => !p.includes('/'))).toEqual([`v${V}`])
    const swept = lines.filter((l) => l.msg === 'removed a stale release work folder')
    expect(swept).toHaveLength(3)
    await manager.close()
  })
})
