import { createPrivateKey, generateKeyPairSync } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  CLIENT_AUTH,
  customLeaf,
  derOf,
  file,
  generatedSet,
  PEER_URLS,
  SERVER_AUTH,
  type GeneratedSet,
} from './certificate-fixtures'
import { checkCertificate } from '../../../src/main/tls/certificate-check'

let set: GeneratedSet

beforeAll(async () => {
  set = await generatedSet()
})

const codesOf = (findings: { code: string; severity: string }[]) =>
  findings.map((f) => `${f.severity} ${f.code}`)

/** Checks the generated peer certificate (or `cert`) with a given key file. */
function withKey(key: string | Uint8Array, cert = set.peer.cert) {
  return checkCertificate({
    certificate: file('peer.crt', cert),
    key: file('peer.key', key),
    ca: file('ca.crt', set.ca.cert),
    use: 'peer',
    urls: PEER_URLS,
  })
}

describe('certificate and key files', () => {
  it('converts a DER certificate, key and CA to PEM and otherwise accepts them', () => {
    const pkcs8Der = createPrivateKey(set.peer.key).export({ type: 'pkcs8', format: 'der' })
    const check = checkCertificate({
      certificate: file('peer.der', derOf(set.peer.cert)),
      key: file('peer-key.der', pkcs8Der),
      ca: file('ca.der', derOf(set.ca.cert)),
      use: 'peer',
      urls: PEER_URLS,
    })
    expect(codesOf(check.report.findings)).toEqual([
      'info DER_CONVERTED',
      'info DER_CONVERTED',
      'info DER_CONVERTED',
    ])
    expect(check.report.findings.map((f) => f.file)).toEqual(['peer.der', 'peer-key.der', 'ca.der'])
    expect(check.report.findings[0]?.message).toContain('peer.der is in binary DER form')
    expect(check.report.summary?.encoding).toBe('DER')
    expect(check.pem.certificate?.replace(/\r?\n/g, '')).toBe(set.peer.cert.replace(/\r?\n/g, ''))
    expect(check.pem.key).toMatch(/^-----BEGIN PRIVATE KEY-----\n/)
    expect(createPrivateKey(check.pem.key ?? '').equals(createPrivateKey(set.peer.key))).toBe(true)
    expect(check.pem.ca).toMatch(/^-----BEGIN CERTIFICATE-----\n/)
  })

  it('flags a key that is not the certificate’s', () => {
    const { findings } = withKey(set.server.key).report
    expect(codesOf(findings)).toEqual(['error KEY_MISMATCH'])
    expect(findings[0]?.message).toContain('peer.key is not the key of peer.crt')
    expect(findings[0]?.message).toContain('"tls: private key does not match public key"')
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const pkcs1 = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string
    expect(codesOf(withKey(pkcs1).report.findings)).toEqual(['error KEY_MISMATCH'])
  })

  it('accepts an RSA certificate with its PKCS#1 key, and an EC key written as SEC1', async () => {
    const rsaLeaf = await customLeaf(set.ca, { usages: [SERVER_AUTH, CLIENT_AUTH], keyType: 'rsa' })
    expect(rsaLeaf.key).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/)
    const rsa = withKey(rsaLeaf.key, rsaLeaf.cert).report
    expect(rsa.findings).toEqual([])
    expect(rsa.keyFormat).toBe('PKCS#1')
    expect(rsa.summary?.keyType).toBe('RSA 2048')
    const sec1 = createPrivateKey(set.peer.key).export({ type: 'sec1', format: 'pem' }) as string
    expect(sec1).toMatch(/^-----BEGIN EC PRIVATE KEY-----/)
    const ec = withKey(
      `-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n${sec1}`,
    )
    expect(ec.report.findings).toEqual([])
    expect(ec.report.keyFormat).toBe('SEC1')
    const der = createPrivateKey(set.peer.key).export({ type: 'sec1', format: 'der' })
    const fromDer = withKey(der)
    expect(codesOf(fromDer.report.findings)).toEqual(['info DER_CONVERTED'])
    expect(fromDer.pem.key).toMatch(/^-----BEGIN EC PRIVATE KEY-----/)
  })

  it('refuses encrypted keys and files that hold no key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
    const sealed = (type: 'pkcs1' | 'pkcs8') =>
      rsa.export({ type, format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' }) as string
    for (const key of [sealed('pkcs8'), sealed('pkcs1')]) {
      const { findings } = withKey(key).report
      expect(codesOf(findings)).toEqual(['error KEY_ENCRYPTED'])
      expect(findings[0]?.message).toContain('peer.key is encrypted with a passphrase')
    }
    const certAsKey = withKey(set.peer.cert).report.findings
    expect(codesOf(certAsKey)).toEqual(['error KEY_FORMAT'])
    expect(certAsKey[0]?.message).toContain('peer.key holds a CERTIFICATE but no private key')
    expect(withKey(derOf(set.peer.cert)).report.findings[0]?.message).toContain(
      'holds a certificate, not a private key',
    )
    expect(codesOf(withKey('garbage').report.findings)).toEqual(['error KEY_FORMAT'])
  })

  it('says when the certificate file holds no certificate', () => {
    const check = checkCertificate({ certificate: file('peer.crt', set.peer.key), use: 'peer' })
    expect(check.report.summary).toBeNull()
    expect(codesOf(check.report.findings)).toEqual(['error NOT_A_CERTIFICATE'])
    expect(check.report.findings[0]?.message).toContain(
      'peer.crt holds a PRIVATE KEY but no certificate',
    )
    const binary = checkCertificate({
      certificate: file('peer.crt', Buffer.from([1, 2, 3])),
      use: 'peer',
    })
    expect(codesOf(binary.report.findings)).toEqual(['error NOT_A_CERTIFICATE'])
  })

  it('flags a CA file that holds a key as well', () => {
    const check = checkCertificate({
      certificate: file('peer.crt', set.peer.cert),
      ca: file('ca.crt', `${set.ca.cert}\n${set.ca.key}`),
      use: 'peer',
      urls: PEER_URLS,
    })
    expect(codesOf(check.report.findings)).toEqual(['error CA_FILE_INVALID'])
    expect(check.report.findings[0]?.message).toContain('ca.crt also holds a PRIVATE KEY')
    expect(check.pem.ca).not.toContain('PRIVATE KEY')
    expect(check.pem.ca).toMatch(/^-----BEGIN CERTIFICATE-----\n[^-]+-----END CERTIFICATE-----\n$/)
  })

  it('refuses files joined without a line break, as Go does', () => {
    const check = checkCertificate({
      certificate: file('peer.crt', set.peer.cert),
      ca: file('ca.crt', `${set.ca.cert.trimEnd()}${set.ca.cert}`),
      use: 'peer',
    })
    expect(codesOf(check.report.findings)).toEqual(['error NOT_A_CERTIFICATE'])
    expect(check.report.findings[0]?.message).toContain('put a line break between them')
  })
})
