import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SecretBox } from '../../../src/main/auth/secret-box'
import { handleRequest } from '../../../src/main/contract/request-handlers'
import type { Engine } from '../../../src/main/engine/engine'
import { findEtcdProcesses } from '../../helpers/etcd-processes'
import {
  etcdctl,
  freeSpec,
  openTestEngine,
  waitFor,
  waitHealthy,
} from '../../helpers/engine-fixture'
import { testEtcdLines } from '../../helpers/etcd-versions'
import { makeTestDir } from '../../helpers/test-dirs'

const text = (s: string): Uint8Array => new TextEncoder().encode(s)
const ROOT_PASSWORD = 'root-secret-42'
const BOB_PASSWORD = 'bob-secret-42'

/** A SecretBox for tests: a reversible scramble, enough to prove nothing is stored in plain text. */
const testBox: SecretBox = {
  encrypt: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decrypt: (data) => Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8'),
}

// One 1-member cluster per etcd line; the engine is reopened twice (memory, then encrypted secrets).
describe.each(testEtcdLines())('authentication on etcd $version', (etcd) => {
  let engine: Engine
  let dataDir = ''
  const open = async (secrets?: SecretBox) => {
    engine = await openTestEngine('unused', { dataDir, etcdPath: etcd.etcd, secrets })
    return engine
  }
  const ctl = (args: string[]) => etcdctl(engine.getCluster('auth'), args, etcd.etcdctl)

  beforeAll(async () => {
    dataDir = makeTestDir(`auth-${etcd.line}`)
    await open()
    await engine.createCluster(await freeSpec('auth', 1))
    await waitHealthy(engine, 'auth')
  })

  afterAll(async () => {
    await engine?.close()
    expect(findEtcdProcesses(dataDir)).toEqual([])
  })

  it('refuses a weak root password, then turns authentication on with root', async () => {
    const weak = await handleRequest(engine, 'auth:enable', {
      cluster: 'auth',
      rootPassword: 'abc',
    })
    expect(weak).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } })
    const view = await engine.auth.enable('auth', ROOT_PASSWORD)
    expect(view).toMatchObject({ isEnabled: true, isRootPasswordKnown: true, browseAs: null })
    expect(view.users).toEqual([{ name: 'root', roles: ['root'] }])
    await expect(ctl(['get', '/x'])).rejects.toMatchObject({
      stderr: expect.stringContaining('user name is empty'),
    })
    await ctl([`--user=root:${ROOT_PASSWORD}`, 'put', '/x', 'by-etcdctl'])
    // The engine's own clients run as root: keys, the write probe, maintenance.
    await engine.keys.put('auth', text('/app/a'), text('1'))
    await engine.keys.put('auth', text('/other'), text('2'))
    expect((await engine.keys.get('auth', text('/x'))).value).toEqual(text('by-etcdctl'))
    await engine.probes.start('auth')
    await waitFor(
      () => engine.probes.stats('auth'),
      (s) => s.totals.ok >= 5,
    )
    const stats = await engine.probes.stop('auth')
    expect(stats.totals.failed).toBe(0)
    expect((await engine.maintenance.alarms('auth')).length).toBe(0)
  })

  it('gives a reader of /app/ only /app/, naming key and permission when denied', async () => {
    await engine.auth.addRole('auth', 'app-reader')
    await engine.auth.grantPermission('auth', 'app-reader', 'read', '/app/', true)
    await engine.auth.addUser('auth', 'bob', BOB_PASSWORD)
    const view = await engine.auth.grantRole('auth', 'bob', 'app-reader')
    expect(view.roles.find((r) => r.name === 'app-reader')?.permissions).toEqual([
      { permission: 'read', key: '/app/', isPrefix: true, rangeEnd: null },
    ])
    expect(view.users.find((u) => u.name === 'bob')?.roles).toEqual(['app-reader'])

    const wrong = await handleRequest(engine, 'auth:browse-as', {
      cluster: 'auth',
      user: 'bob',
      password: 'not-his-password',
    })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } })
    expect(!wrong.ok && wrong.error.message).toContain('bob')

    expect((await engine.auth.setBrowseAs('auth', 'bob', BOB_PASSWORD)).browseAs).toBe('bob')
    const page = await engine.keys.list('auth', { prefix: text('/app/') })
    expect(page.entries.map((e) => new TextDecoder().decode(e.key))).toEqual(['/app/a'])
    const read = await handleRequest(engine, 'keys:get', { cluster: 'auth', key: text('/other') })
    expect(read).toMatchObject({
      ok: false,
      error: {
        code: 'PERMISSION_DENIED',
        detail: { user: 'bob', key: '/other', permission: 'read' },
      },
    })
    expect(!read.ok && read.error.message).toMatch(/bob .*read .*\/other/)
    const write = await handleRequest(engine, 'keys:put', {
      cluster: 'auth',
      key: text('/app/b'),
      value: text('no'),
    })
    expect(write).toMatchObject({
      ok: false,
      error: { code: 'PERMISSION_DENIED', detail: { key: '/app/b', permission: 'write' } },
    })
    // etcdctl as bob agrees.
    await expect(ctl([`--user=bob:${BOB_PASSWORD}`, 'get', '/other'])).rejects.toMatchObject({
      stderr: expect.stringContaining('permission denied'),
    })
    // Back to the engine's own user (root).
    await engine.auth.setBrowseAs('auth', null)
    expect((await engine.keys.get('auth', text('/other'))).value).toEqual(text('2'))
  })

  it('asks for root password after a restart without a SecretBox, and checks it', async () => {
    await engine.close()
    await open()
    await engine.startCluster('auth')
    await waitHealthy(engine, 'auth')
    const status = await engine.auth.status('auth')
    expect(status).toMatchObject({ isEnabled: true, isRootPasswordKnown: false, users: [] })
    const put = await handleRequest(engine, 'keys:put', {
      cluster: 'auth',
      key: text('/y'),
      value: text('1'),
    })
    expect(put).toMatchObject({ ok: false, error: { code: 'ROOT_PASSWORD_NEEDED' } })
    const wrong = await handleRequest(engine, 'auth:root-password', {
      cluster: 'auth',
      password: 'wrong-password',
    })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } })
    const known = await engine.auth.provideRootPassword('auth', ROOT_PASSWORD)
    expect(known.isRootPasswordKnown).toBe(true)
    await engine.keys.put('auth', text('/y'), text('1'))
  })

  it('reads root password back from the encrypted store with a SecretBox', async () => {
    await engine.close()
    await open(testBox)
    await engine.startCluster('auth')
    await waitHealthy(engine, 'auth')
    // First run with the box: it learns the password once and stores it encrypted.
    await engine.auth.provideRootPassword('auth', ROOT_PASSWORD)
    await engine.close()
    await open(testBox)
    await engine.startCluster('auth')
    await waitHealthy(engine, 'auth')
    expect(await engine.auth.status('auth')).toMatchObject({
      isRootPasswordKnown: true,
      passwordStore: 'encrypted',
    })
    await engine.keys.put('auth', text('/z'), text('1'))
    const authDir = join(engine.layout.clusterDir('auth'), 'auth')
    for (const file of await readdir(authDir)) {
      expect((await readFile(join(authDir, file))).toString('utf8')).not.toContain(ROOT_PASSWORD)
    }
  })

  it('turns authentication off: etcdctl works without a user again', async () => {
    const view = await engine.auth.disable('auth')
    expect(view).toMatchObject({ isEnabled: false, isRootPasswordKnown: true })
    expect(await ctl(['get', '/x', '--print-value-only'])).toContain('by-etcdctl')
    await engine.keys.put('auth', text('/after'), text('1'))
    const browse = await handleRequest(engine, 'auth:browse-as', {
      cluster: 'auth',
      user: 'bob',
      password: BOB_PASSWORD,
    })
    expect(browse).toMatchObject({ ok: false, error: { code: 'AUTH_NOT_ENABLED' } })
  })
})
