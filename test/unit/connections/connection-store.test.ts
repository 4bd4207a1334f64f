import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConnectionStore } from '../../../src/main/connections/connection-store'
import { silentLog } from '../../../src/main/log/engine-log'
import type { ConnectionSpec } from '../../../src/shared/connections'
import { keychainBox } from '../../helpers/keychain-box'
import { makeTestDir } from '../../helpers/test-dirs'

const spec: ConnectionSpec = {
  name: 'team',
  endpoints: ['https://10.0.0.5:2379'],
  tls: { caFile: '/ca.crt', certFile: null, keyFile: null },
  username: 'alice',
  readOnly: true,
}
const PASSWORD = 'correct horse battery'

describe('saved connections', () => {
  it('keeps the password encrypted with a SecretBox, never as text, and reads it next session', async () => {
    const dir = makeTestDir('connection-store')
    const box = keychainBox()
    await new ConnectionStore(dir, box, silentLog()).save(spec, PASSWORD)
    expect(readdirSync(dir).sort()).toEqual(['team.json', 'team.secret'])
    for (const file of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, file))
      expect(bytes.includes(PASSWORD)).toBe(false)
      expect(bytes.includes(Buffer.from(PASSWORD).toString('base64'))).toBe(false)
    }
    expect((statSync(join(dir, 'team.secret')).mode & 0o077).toString(8)).toBe('0')
    expect((statSync(dir).mode & 0o077).toString(8)).toBe('0')
    const next = new ConnectionStore(dir, box, silentLog())
    expect(await next.list()).toEqual([spec])
    expect(await next.password('team')).toBe(PASSWORD)
    // Another keychain cannot read it: asked again, not crashed.
    expect(await new ConnectionStore(dir, keychainBox(), silentLog()).password('team')).toBeNull()
  })

  it('keeps the password in memory only without a SecretBox (browser mode)', async () => {
    const dir = makeTestDir('connection-store')
    const store = new ConnectionStore(dir, undefined, silentLog())
    await store.save(spec, PASSWORD)
    expect(readdirSync(dir)).toEqual(['team.json'])
    expect(await store.password('team')).toBe(PASSWORD)
    expect(await new ConnectionStore(dir, undefined, silentLog()).password('team')).toBeNull()
  })

  it('forgets the password with the connection, and leaves out a damaged file', async () => {
    const dir = makeTestDir('connection-store')
    const store = new ConnectionStore(dir, keychainBox(), silentLog())
    await store.save(spec, PASSWORD)
    await store.save({ ...spec, name: 'other', username: null }, null)
    await store.remove('team')
    expect(readdirSync(dir)).toEqual(['other.json'])
    expect(await store.password('team')).toBeNull()
    const { writeFileSync } = await import('node:fs')
    writeFileSync(join(dir, 'broken.json'), '{"name": 3}')
    expect((await store.list()).map((s) => s.name)).toEqual(['other'])
  })
})
