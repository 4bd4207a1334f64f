import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { InstallPhase } from '../../../src/shared/releases'
import { freePorts } from '../../helpers/free-port'
import { startReleaseServer, type ReleaseServer } from '../../helpers/release-server'
import { makeTestDir } from '../../helpers/test-dirs'
import { REAL_VERSION } from './release-archives'
import {
  buildRealArchives,
  expectCleanFailure,
  LINUX_ASSET,
  newManager,
  publish,
  snapshot,
} from './release-fixture'

const V = REAL_VERSION
const child = fileURLToPath(new URL('./install-child.ts', import.meta.url))
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url))
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

describe('two processes', () => {
  it('never download one version at once: the second waits, then finds it installed', async () => {
    server.misbehave('slow')
    const { manager, releasesDir } = newManager([server.base])
    const other = spawn(tsx, [child, releasesDir, server.base, V], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const output = collect(other)
    const exited = new Promise((r) => other.once('exit', r))
    // The other process is downloading (and holds the lock) once the server sees its request.
    while (server.countOf(LINUX_ASSET) === 0) await new Promise((r) => setTimeout(r, 10))
    const phases: InstallPhase[] = []
    const mine = await manager.install(V, { onProgress: (p) => phases.push(p.phase) })
    expect(await exited, output.text).toBe(0)
    expect(phases).toEqual(['waiting'])
    expect(JSON.parse(output.text.trim().split('\n').at(-1)!)).toEqual(mine)
    expect(server.countOf(LINUX_ASSET)).toBe(1)
    await manager.close()
  })

  it('takes over a lock whose process is gone, and waits for a live one', async () => {
    const { manager, releasesDir } = newManager([server.base])
    mkdirSync(releasesDir, { recursive: true })
    const lockFile = join(releasesDir, `.v${V}.lock`)
    // Work folders a crashed process left: this version's, and another version's (dead pid).
    const dead = spawn('true')
    await new Promise((r) => dead.once('exit', r))
    mkdirSync(join(releasesDir, `.tmp-v${V}_${dead.pid}_abc`, 'extract'), { recursive: true })
    mkdirSync(join(releasesDir, `.tmp-v3.5.0_${dead.pid}_def`))
    const holder = spawn('sleep', ['30'])
    writeFileSync(lockFile, JSON.stringify({ pid: holder.pid, host: hostname(), since: 'now' }))
    const phases: InstallPhase[] = []
    const install = manager.install(V, { onProgress: (p) => phases.push(p.phase) })
    await new Promise((r) => setTimeout(r, 300))
    expect(phases).toEqual(['waiting'])
    expect(server.countOf(LINUX_ASSET)).toBe(0)
    const gone = new Promise((r) => holder.once('exit', r))
    holder.kill('SIGKILL')
    await gone
    expect((await install).version).toBe(V)
    expect(existsSync(lockFile)).toBe(false)
    expect(snapshot(releasesDir).filter((p) => !p.includes('/'))).toEqual([`v${V}`])
    await manager.close()
  })
})

function collect(proc: ChildProcess): { text: string } {
  const output = { text: '' }
  proc.stdout?.on('data', (d: Buffer) => (output.text += d.toString()))
  proc.stderr?.on('data', (d: Buffer) => (output.text += d.toString()))
  return output
}
