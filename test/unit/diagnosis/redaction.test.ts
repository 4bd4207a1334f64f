import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { REDACTED, redact, withoutSecretFields } from '../../../src/main/diagnosis/redaction'

/** A real private key in PEM, of each kind a log could echo. */
function pemKeys(): string[] {
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
  return [
    ec.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    ec.privateKey.export({ type: 'sec1', format: 'pem' }) as string,
    rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
  ]
}

describe('what a diagnosis bundle never holds', () => {
  it('removes every PEM private key block, keeping the text around it', () => {
    for (const key of pemKeys()) {
      const text = `before\n${key}after "${key.replace(/\n/g, '\\n')}" end`
      const clean = redact(text)
      expect(clean).not.toMatch(/PRIVATE KEY-----/)
      expect(clean).toContain('before')
      expect(clean).toContain('after')
      expect(clean).toContain('end')
      // The body of the key is gone, not only its markers.
      const bodyLine = key.split('\n')[1] ?? ''
      expect(clean).not.toContain(bodyLine)
    }
  })

  it('blanks secret-named JSON fields, access tokens in URLs and known secrets', () => {
    const line = JSON.stringify({
      msg: 'auth',
      password: 'p"ss\\word',
      rootPassword: 'r00t',
      clientSecret: 'x',
      user: 'root',
      url: 'http://127.0.0.1:4280/?token=abc123&x=1',
    })
    const clean = redact(`${line} and later hunter22 again`, ['hunter22', 'ab'])
    expect(JSON.parse(clean.split(' and later')[0] ?? '')).toEqual({
      msg: 'auth',
      password: REDACTED,
      rootPassword: REDACTED,
      clientSecret: REDACTED,
      user: 'root',
      url: `http://127.0.0.1:4280/?token=${REDACTED}&x=1`,
    })
    expect(clean).toContain(`and later ${REDACTED} again`)
    // A secret too short to blank safely is left (blanking "ab" everywhere would ruin the text).
    expect(redact('abc', ['ab'])).toBe('abc')
  })

  it('drops secret-named fields of a definition at any depth', () => {
    const def = { name: 'demo', auth: { password: 'x', user: 'root' }, members: [{ secret: 1 }] }
    expect(withoutSecretFields(def)).toEqual({
      name: 'demo',
      auth: { user: 'root' },
      members: [{}],
    })
  })
})
