import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AuthStore } from '../../../src/main/auth/auth-store'
import type { EngineLog } from '../../../src/main/log/engine-log'
import { keychainBox } from '../../helpers/keychain-box'
import { makeTestDir } from '../../helpers/test-dirs'

const PASSWORD = 'root-secret-42'

/** A log that keeps its warnings. */
function recordingLog() {
  const warnings: { fields: unknown; message: string }[] = []
  const log = {
    warn: (fields: unknown, message: string) => warnings.push({ fields, message }),
  } as unknown as EngineLog
  return { log, warnings }
}

/** Every file under the auth folder with its bytes. */
async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>()
  for (const name of await readdir(dir)) files.set(name, await readFile(join(dir, name)))
  return files
}

/** True when `data` holds the password as text, base64 or hex. */
function holdsPassword(data: Buffer): boolean {
  const text = data.toString('latin1')
  const plain = Buffer.from(PASSWORD, 'utf8')
  return [PASSWORD, plain.toString('base64'), plain.toString('hex')].some((s) => text.includes(s))
}

const modeOf = async (path: string) => (await stat(path)).mode & 0o777

describe('AuthStore without a SecretBox (browser mode: memory only)', () => {
  it('records only whether auth is on; root password is never written', async () => {
    const dir = join(makeTestDir('auth-store-memory'), 'auth')
    const store = new AuthStore(dir, undefined, recordingLog().log)
    expect(store.isEncrypted).toBe(false)
    expect(await store.readEnabled()).toBeNull()
    await store.writeEnabled(true)
    await store.saveRootPassword(PASSWORD)
    const files = await filesOf(dir)
    expect([...files.keys()]).toEqual(['state.json'])
    expect(JSON.parse(files.get('state.json')!.toString('utf8'))).toEqual({ isEnabled: true })
    expect(await store.readRootPassword()).toBeNull()
    // The next session (a new store on the same folder) knows auth is on, not the password.
    const next = new AuthStore(dir, undefined, recordingLog().log)
    expect(await next.readEnabled()).toBe(true)
    expect(await next.readRootPassword()).toBeNull()
  })

  it('ignores a root.secret it finds (it cannot decrypt one) and reads no password', async () => {
    const dir = join(makeTestDir('auth-store-foreign'), 'auth')
    await new AuthStore(dir, keychainBox(), recordingLog().log).saveRootPassword(PASSWORD)
    expect(await new AuthStore(dir, undefined, recordingLog().log).readRootPassword()).toBeNull()
  })
})

describe('AuthStore with a SecretBox (desktop: the OS keychain)', () => {
  it('writes root password encrypted, owner-only, and reads it back in the next session', async () => {
    const box = keychainBox()
    const dir = join(makeTestDir('auth-store-box'), 'auth')
    const store = new AuthStore(dir, box, recordingLog().log)
    expect(store.isEncrypted).toBe(true)
    await store.writeEnabled(true)
    await store.saveRootPassword(PASSWORD)
    const files = await filesOf(dir)
    expect([...files.keys()].sort()).toEqual(['root.secret', 'state.json'])
    for (const [name, data] of files) expect(holdsPassword(data), name).toBe(false)
    expect(box.decrypt(files.get('root.secret')!)).toBe(PASSWORD)
    expect(await modeOf(dir)).toBe(0o700)
    expect(await modeOf(join(dir, 'root.secret'))).toBe(0o600)
    expect(await modeOf(join(dir, 'state.json'))).toBe(0o600)
    const next = new AuthStore(dir, box, recordingLog().log)
    expect(await next.readRootPassword()).toBe(PASSWORD)
  })

  it("asks again (null, with a warning) when another user's keychain made the file", async () => {
    const dir = join(makeTestDir('auth-store-other-key'), 'auth')
    await new AuthStore(dir, keychainBox(), recordingLog().log).saveRootPassword(PASSWORD)
    const { log, warnings } = recordingLog()
    expect(await new AuthStore(dir, keychainBox(), log).readRootPassword()).toBeNull()
    expect(warnings).toEqual([
      {
        fields: { err: expect.any(Error) },
        message: "root's saved password could not be decrypted; it is asked",
      },
    ])
  })

  it('forgets the saved password when auth is turned off', async () => {
    const box = keychainBox()
    const dir = join(makeTestDir('auth-store-forget'), 'auth')
    const store = new AuthStore(dir, box, recordingLog().log)
    await store.saveRootPassword(PASSWORD)
    await store.writeEnabled(false)
    await store.forgetRootPassword()
    expect([...(await filesOf(dir)).keys()]).toEqual(['state.json'])
    expect(await store.readRootPassword()).toBeNull()
    expect(await store.readEnabled()).toBe(false)
    await expect(store.forgetRootPassword()).resolves.toBeUndefined()
  })
})

describe('AuthStore records it cannot use', () => {
  it('reports an invalid state.json and treats it as unknown', async () => {
    const dir = join(makeTestDir('auth-store-invalid'), 'auth')
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, 'state.json'), '{"isEnabled": "yes"}')
    const { log, warnings } = recordingLog()
    expect(await new AuthStore(dir, undefined, log).readEnabled()).toBeNull()
    await writeFile(join(dir, 'state.json'), 'not json')
    expect(await new AuthStore(dir, undefined, log).readEnabled()).toBeNull()
    expect(warnings).toEqual([
      { fields: { file: join(dir, 'state.json') }, message: 'unreadable auth state; ignored' },
      { fields: { file: join(dir, 'state.json') }, message: 'unreadable auth state; ignored' },
    ])
  })

  it('passes on a read failure other than a missing file', async () => {
    const dir = join(makeTestDir('auth-store-eisdir'), 'auth')
    await mkdir(join(dir, 'state.json'), { recursive: true })
    await expect(
      new AuthStore(dir, undefined, recordingLog().log).readEnabled(),
    ).rejects.toMatchObject({ code: 'EISDIR' })
  })
})
