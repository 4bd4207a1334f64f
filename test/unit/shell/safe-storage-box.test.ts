import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AuthStore } from '../../../src/main/auth/auth-store'
import { silentLog } from '../../../src/main/log/engine-log'
import { safeStorageBox } from '../../../src/main/shell/safe-storage-box'
import { makeTestDir } from '../../helpers/test-dirs'

/**
 * A fake of Electron's safeStorage (the Electron binary cannot be downloaded here): its answers
 * are set per test; "encryption" is a marked, reversed string so a test can tell it was applied.
 */
const fake = vi.hoisted(() => ({
  isAvailable: true,
  backend: 'gnome_libsecret',
  backendAsked: 0,
}))

vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => fake.isAvailable,
    getSelectedStorageBackend: () => {
      fake.backendAsked += 1
      return fake.backend
    },
    encryptString: (plain: string) => Buffer.from(`v10${[...plain].reverse().join('')}`),
    decryptString: (data: Buffer) => {
      const text = data.toString('utf8')
      if (!text.startsWith('v10')) throw new Error('Error while decrypting the ciphertext provided')
      return [...text.slice(3)].reverse().join('')
    },
  },
}))

const realPlatform = process.platform

function onPlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true })
}

describe('safeStorageBox', () => {
  beforeEach(() => {
    fake.isAvailable = true
    fake.backend = 'gnome_libsecret'
    fake.backendAsked = 0
    onPlatform('linux')
  })

  afterEach(() => onPlatform(realPlatform))

  it('encrypts with the Linux keyring (libsecret, kwallet) and decrypts what it made', () => {
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      fake.backend = backend
      const box = safeStorageBox()
      expect(box, backend).toBeDefined()
      const sealed = box!.encrypt('root-secret-42')
      expect(sealed.toString('utf8')).toBe('v1024-terces-toor')
      expect(box!.decrypt(sealed)).toBe('root-secret-42')
      expect(() => box!.decrypt(Buffer.from('plain'))).toThrow(/decrypting/)
    }
  })

  it("refuses Linux's basic_text fallback (a hard-coded key) and an unknown backend", () => {
    fake.backend = 'basic_text'
    expect(safeStorageBox()).toBeUndefined()
    fake.backend = 'unknown'
    expect(safeStorageBox()).toBeUndefined()
  })

  it('has nothing to offer where the OS cannot encrypt', () => {
    fake.isAvailable = false
    expect(safeStorageBox()).toBeUndefined()
    onPlatform('darwin')
    expect(safeStorageBox()).toBeUndefined()
  })

  it('trusts availability on macOS and Windows, where there is no plain-text fallback', () => {
    fake.backend = 'basic_text'
    for (const platform of ['darwin', 'win32'] as const) {
      onPlatform(platform)
      expect(safeStorageBox(), platform).toBeDefined()
    }
    // A Linux-only API: never asked elsewhere.
    expect(fake.backendAsked).toBe(0)
  })

  it('keeps root password in AuthStore only as safeStorage encrypted it', async () => {
    const dir = join(makeTestDir('safe-storage-box'), 'auth')
    const box = safeStorageBox()!
    await new AuthStore(dir, box, silentLog()).saveRootPassword('root-secret-42')
    const store = new AuthStore(dir, box, silentLog())
    expect(await store.readRootPassword()).toBe('root-secret-42')
    expect((await readFile(join(dir, 'root.secret'))).toString('utf8')).toBe('v1024-terces-toor')
  })
})
