import { beforeAll, describe, expect, it } from 'vitest'
import {
  CLIENT_AUTH,
  CLIENT_URLS,
  customLeaf,
  file,
  generatedSet,
  PEER_URLS,
  SERVER_AUTH,
  type GeneratedSet,
} from './certificate-fixtures'
import { checkCertificate } from '../../../src/main/tls/certificate-check'
import { createCertificateAuthority, issueLeaf } from '../../../src/main/tls/certificate-factory'
import { hasCertificateErrors } from '../../../src/shared/certificates'

const DAY_MS = 24 * 3600_000
let set: GeneratedSet

beforeAll(async () => {
  set = await generatedSet()
})

/** Checks a certificate of the generated set's CA (with its key when given). */
function check(
  name: string,
  cert: string,
  use: 'server' | 'peer' | 'client',
  urls: string[] = [],
  now?: Date,
) {
  return checkCertificate({
    certificate: file(name, cert),
    ca: file('ca.crt', set.ca.cert),
    use,
    urls,
    now,
  })
}

const codesOf = (findings: { code: string; severity: string }[]) =>
  findings.map((f) => `${f.severity} ${f.code}`)

describe('certificate check', () => {
  it('finds no error in the server, peer and client certificates the engine makes', () => {
    const server = checkCertificate({
      certificate: file('server.crt', set.server.cert),
      key: file('server.key', set.server.key),
      ca: file('ca.crt', set.ca.cert),
      use: 'server',
      urls: CLIENT_URLS,
    })
    // Server certificates carry client-auth too (etcd's gateway dials with them): nothing to say.
    expect(server.report.findings).toEqual([])
    const peer = checkCertificate({
      certificate: file('peer.crt', set.peer.cert),
      key: file('peer.key', set.peer.key),
      ca: file('ca.crt', set.ca.cert),
      use: 'peer',
      urls: PEER_URLS,
    })
    expect(peer.report.findings).toEqual([])
    const client = checkCertificate({
      certificate: file('etcdctl.crt', set.client.cert),
      key: file('etcdctl.key', set.client.key),
      ca: file('ca.crt', set.ca.cert),
      use: 'client',
    })
    expect(client.report.findings).toEqual([])
    expect(peer.report.keyFormat).toBe('PKCS#8')
    expect(peer.report.summary).toMatchObject({
      file: 'peer.crt',
      subject: 'CN=etcd1, O=etcd Desk',
      issuer: 'CN=test CA, O=etcd Desk',
      subjectAltNames: [
        { type: 'IP', value: '127.0.0.1' },
        { type: 'IP', value: '::1' },
        { type: 'DNS', value: 'localhost' },
      ],
      usages: ['server-auth', 'client-auth'],
      keyType: 'ECDSA P-256',
      isCa: false,
      encoding: 'PEM',
    })
    expect(peer.report.summary?.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
  })

  it('flags a server certificate without the member’s IP SAN, in Go’s words', async () => {
    const dnsOnly = await issueLeaf(set.ca, {
      commonName: 'etcd1',
      use: 'server',
      dnsNames: ['localhost'],
    })
    const { findings } = check('server.crt', dnsOnly.cert, 'server', CLIENT_URLS).report
    expect(codesOf(findings)).toEqual(['error SAN_MISSING', 'error SAN_MISSING'])
    expect(findings[0]?.message).toContain('server.crt is not valid for 127.0.0.1')
    expect(findings[0]?.message).toContain(
      '"x509: cannot validate certificate for 127.0.0.1 because it doesn\'t contain any IP SANs"',
    )
    expect(findings[0]?.message).toContain('IP:127.0.0.1')
    expect(findings[1]?.message).toContain('::1')

    const otherIp = await issueLeaf(set.ca, { commonName: 'etcd1', use: 'peer', ips: ['10.0.0.5'] })
    const peer = check('peer.crt', otherIp.cert, 'peer', PEER_URLS).report
    expect(codesOf(peer.findings)).toEqual(['error SAN_MISSING'])
    expect(peer.findings[0]?.message).toContain(
      '"x509: certificate is valid for 10.0.0.5, not 127.0.0.1"',
    )
    expect(peer.findings[0]?.message).toContain('the other members')
  })

  it('flags a certificate with no SAN at all even without URLs', async () => {
    const bare = await issueLeaf(set.ca, { commonName: '127.0.0.1', use: 'peer' })
    expect(codesOf(check('peer.crt', bare.cert, 'peer').report.findings)).toEqual([
      'error SAN_MISSING',
    ])
  })

  it('flags a peer certificate with server-auth usage only', async () => {
    const serverOnly = await customLeaf(set.ca, { usages: [SERVER_AUTH] })
    const { findings } = check('peer.crt', serverOnly.cert, 'peer', PEER_URLS).report
    expect(codesOf(findings)).toEqual(['error USAGE_MISSING'])
    expect(findings[0]?.message).toMatch(
      /^peer\.crt has only server-auth usage; .*client-auth too.*bad certificate/,
    )
    expect(hasCertificateErrors(check('peer.crt', serverOnly.cert, 'peer').report)).toBe(true)
  })

  it('flags a client certificate without client-auth and warns a server one without it', async () => {
    const serverOnly = await customLeaf(set.ca, { usages: [SERVER_AUTH] })
    expect(codesOf(check('etcdctl.crt', serverOnly.cert, 'client').report.findings)).toEqual([
      'error USAGE_MISSING',
    ])
    const server = check('server.crt', serverOnly.cert, 'server', ['https://127.0.0.1:2379']).report
    expect(codesOf(server.findings)).toEqual(['warning USAGE_MISSING'])
    expect(server.findings[0]?.message).toContain('--client-cert-file')
    const both = await customLeaf(set.ca, { usages: [SERVER_AUTH, CLIENT_AUTH] })
    expect(
      check('server.crt', both.cert, 'server', ['https://127.0.0.1:2379']).report.findings,
    ).toEqual([])
  })

  it('flags an expired certificate, one not valid yet, and one that ends soon', async () => {
    const expired = await issueLeaf(set.ca, {
      commonName: 'etcd1',
      use: 'peer',
      ips: ['127.0.0.1'],
      notAfter: new Date(Date.now() - 3600_000),
    })
    const { findings } = check('peer.crt', expired.cert, 'peer', PEER_URLS).report
    expect(codesOf(findings)).toEqual(['error EXPIRED'])
    expect(findings[0]?.message).toMatch(
      /^peer\.crt expired on \d{4}-\d\d-\d\d \d\d:\d\d UTC;.*has expired or is not yet valid/,
    )

    const early = check(
      'peer.crt',
      set.peer.cert,
      'peer',
      PEER_URLS,
      new Date(Date.now() - 7 * DAY_MS),
    )
    expect(codesOf(early.report.findings)).toContain('error NOT_YET_VALID')

    const soon = await issueLeaf(set.ca, {
      commonName: 'etcd1',
      use: 'peer',
      ips: ['127.0.0.1'],
      notAfter: new Date(Date.now() + 10 * DAY_MS),
    })
    const ending = check('peer.crt', soon.cert, 'peer', PEER_URLS).report
    expect(codesOf(ending.findings)).toEqual(['warning EXPIRES_SOON'])
    expect(ending.findings[0]?.message).toContain('expires in 9 days')
  })

  it('flags a certificate signed by another CA', async () => {
    const other = await createCertificateAuthority('someone else')
    const foreign = await issueLeaf(other, {
      commonName: 'etcd1',
      use: 'peer',
      ...{ ips: ['127.0.0.1'] },
    })
    const { findings } = check('peer.crt', foreign.cert, 'peer', PEER_URLS).report
    expect(codesOf(findings)).toEqual(['error NOT_SIGNED_BY_CA'])
    expect(findings[0]?.message).toContain('peer.crt was not signed by ca.crt')
    expect(findings[0]?.message).toContain('CN=someone else')
    expect(findings[0]?.message).toContain('"x509: certificate signed by unknown authority"')
    const bundle = file('ca.crt', `${set.ca.cert}\n${other.cert}`)
    const trusted = checkCertificate({
      certificate: file('peer.crt', foreign.cert),
      ca: bundle,
      use: 'peer',
    })
    expect(trusted.report.findings).toEqual([])
  })
})
