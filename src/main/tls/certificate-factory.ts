// @peculiar/x509 resolves its parts through tsyringe, which needs the Reflect metadata API first.
import 'reflect-metadata'
import { webcrypto } from 'node:crypto'
import * as x509 from '@peculiar/x509'

/** Why ECDSA P-256: small, fast to make (a cluster needs ~10 keys), and accepted by etcd (Go), etcdctl, curl and grpc-js alike. */
const KEY_ALGORITHM: webcrypto.EcKeyGenParams & webcrypto.EcdsaParams = {
  name: 'ECDSA',
  namedCurve: 'P-256',
  hash: 'SHA-256',
}
/** Why 10 years for the CA and 2 for leaves: a learning cluster must not break by itself; Rotate certificates renews leaves. */
const CA_VALIDITY_DAYS = 3650
const LEAF_VALIDITY_DAYS = 730
const DAY_MS = 24 * 60 * 60 * 1000

/** A certificate and its key, in PEM (the key as PKCS#8 "PRIVATE KEY"). */
export interface PemPair {
  cert: string
  key: string
}

/** A CA able to sign leaves. */
export interface CertificateAuthority extends PemPair {
  certificate: x509.X509Certificate
  privateKey: webcrypto.CryptoKey
}

/** What a leaf certificate is for: etcd's client port, its peer port (both directions), or a client. */
type LeafUse = 'server' | 'peer' | 'client'

/** A leaf certificate to issue. */
export interface LeafRequest {
  commonName: string
  use: LeafUse
  /** IP addresses and DNS names it is valid for (server and peer use). */
  ips?: readonly string[]
  dnsNames?: readonly string[]
  /** For tests: a certificate valid only until this date. */
  notAfter?: Date
}

// Node's WebCrypto, the one @peculiar/x509 signs with (its types are the DOM's, hence the casts).
x509.cryptoProvider.set(webcrypto as never)

/** Makes a self-signed CA (one per cluster). */
export async function createCertificateAuthority(
  commonName: string,
): Promise<CertificateAuthority> {
  const keys = await generateKeys()
  const now = new Date()
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    name: `CN=${commonName}, O=etcd Desk`,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + CA_VALIDITY_DAYS * DAY_MS),
    signingAlgorithm: KEY_ALGORITHM,
    keys: keys as never,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  })
  return {
    certificate,
    privateKey: keys.privateKey,
    cert: certificate.toString('pem'),
    key: await pemKey(keys.privateKey),
  }
}

/**
 * Issues a leaf signed by `ca`. Usages follow etcd's needs (ETCD-OPS-FACTS §1.2): a server
 * certificate serves (server-auth, and client-auth for etcd's gateway); a peer certificate both serves and dials the other members
 * (server-auth and client-auth: without the latter peers refuse it with "bad certificate"); a
 * client certificate only dials.
 */
export async function issueLeaf(ca: CertificateAuthority, request: LeafRequest): Promise<PemPair> {
  const keys = await generateKeys()
  const now = new Date()
  const usages = {
    // Client-auth too: etcd's JSON gateway (/v3/*) dials the member's own gRPC port with the
    // server certificate, and fails with "incompatible key usage" without it (ETCD-OPS-FACTS §1.2).
    server: [x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth],
    peer: [x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth],
    client: [x509.ExtendedKeyUsage.clientAuth],
  }[request.use]
  const names = [
    ...(request.ips ?? []).map((value) => ({ type: 'ip' as const, value })),
    ...(request.dnsNames ?? []).map((value) => ({ type: 'dns' as const, value })),
  ]
  const certificate = await x509.X509CertificateGenerator.create({
    subject: `CN=${request.commonName}, O=etcd Desk`,
    issuer: ca.certificate.subject,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: request.notAfter ?? new Date(now.getTime() + LEAF_VALIDITY_DAYS * DAY_MS),
    signingAlgorithm: KEY_ALGORITHM,
    publicKey: keys.publicKey as never,
    signingKey: ca.privateKey as never,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
        true,
      ),
      new x509.ExtendedKeyUsageExtension(usages),
      ...(names.length > 0 ? [new x509.SubjectAlternativeNameExtension(names)] : []),
      await x509.AuthorityKeyIdentifierExtension.create(ca.certificate),
    ],
  })
  return { cert: certificate.toString('pem'), key: await pemKey(keys.privateKey) }
}

/** Reads a CA back from its PEM files, to sign more leaves (a member added later, a rotation). */
export async function loadCertificateAuthority(pair: PemPair): Promise<CertificateAuthority> {
  const certificate = new x509.X509Certificate(pair.cert)
  const der = x509.PemConverter.decodeFirst(pair.key)
  const privateKey = await webcrypto.subtle.importKey('pkcs8', der, KEY_ALGORITHM, true, ['sign'])
  return { ...pair, certificate, privateKey }
}

function generateKeys(): Promise<webcrypto.CryptoKeyPair> {
  return webcrypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify'])
}

async function pemKey(key: webcrypto.CryptoKey): Promise<string> {
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', key)
  return x509.PemConverter.encode(pkcs8, 'PRIVATE KEY')
}
