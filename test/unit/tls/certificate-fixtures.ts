// Before @peculiar/x509: its tsyringe needs the Reflect metadata API (as in certificate-factory.ts).
import 'reflect-metadata'
import { generateKeyPairSync, webcrypto, X509Certificate } from 'node:crypto'
import * as x509 from '@peculiar/x509'
import {
  createCertificateAuthority,
  issueLeaf,
  type CertificateAuthority,
  type PemPair,
} from '../../../src/main/tls/certificate-factory'
import type { CheckedFile } from '../../../src/main/tls/certificate-check'

/** The names etcd Desk puts in every member certificate on 127.0.0.1. */
const LOOPBACK_NAMES = { ips: ['127.0.0.1', '::1'], dnsNames: ['localhost'] }

/** A member's client URLs on loopback (both families and localhost). */
export const CLIENT_URLS = [
  'https://127.0.0.1:2379',
  'https://localhost:2379',
  'https://[::1]:2379',
]
/** A member's peer URL on loopback. */
export const PEER_URLS = ['https://127.0.0.1:2380']

/** A CA and what etcd Desk issues from it for one member and one client. */
export interface GeneratedSet {
  ca: CertificateAuthority
  server: PemPair
  peer: PemPair
  client: PemPair
}

/** Makes a CA and a server, peer and client certificate the way the engine does. */
export async function generatedSet(): Promise<GeneratedSet> {
  const ca = await createCertificateAuthority('test CA')
  return {
    ca,
    server: await issueLeaf(ca, { commonName: 'etcd1', use: 'server', ...LOOPBACK_NAMES }),
    peer: await issueLeaf(ca, { commonName: 'etcd1', use: 'peer', ...LOOPBACK_NAMES }),
    client: await issueLeaf(ca, { commonName: 'etcdctl', use: 'client' }),
  }
}

/** A file for the checker. */
export function file(name: string, content: string | Uint8Array): CheckedFile {
  return { name, bytes: typeof content === 'string' ? Buffer.from(content) : content }
}

/** The DER bytes of a PEM certificate. */
export function derOf(pem: string): Buffer {
  return Buffer.from(new X509Certificate(pem).raw)
}

/**
 * A leaf the factory cannot make: exactly these extended key usages (OIDs), and an ECDSA P-256
 * key or an RSA key written as PKCS#1 ("RSA PRIVATE KEY", made with node:crypto).
 */
export async function customLeaf(
  ca: CertificateAuthority,
  options: { usages: string[]; keyType?: 'ecdsa' | 'rsa' },
): Promise<PemPair> {
  const { publicKey, keyPem } = options.keyType === 'rsa' ? await rsaPkcs1Keys() : await ecdsaKeys()
  const now = Date.now()
  const certificate = await x509.X509CertificateGenerator.create({
    subject: 'CN=custom, O=etcd Desk tests',
    issuer: ca.certificate.subject,
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 365 * 24 * 3600_000),
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    publicKey: publicKey as never,
    signingKey: ca.privateKey as never,
    extensions: [
      new x509.ExtendedKeyUsageExtension(options.usages),
      new x509.SubjectAlternativeNameExtension([
        { type: 'ip', value: '127.0.0.1' },
        { type: 'dns', value: 'localhost' },
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(ca.certificate),
    ],
  })
  return { cert: certificate.toString('pem'), key: keyPem }
}

async function ecdsaKeys(): Promise<{ publicKey: webcrypto.CryptoKey; keyPem: string }> {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256' }
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)
  return { publicKey: keys.publicKey, keyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY') }
}

async function rsaPkcs1Keys(): Promise<{ publicKey: webcrypto.CryptoKey; keyPem: string }> {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const spki = keys.publicKey.export({ type: 'spki', format: 'der' })
  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
  const publicKey = await webcrypto.subtle.importKey('spki', spki, algorithm, true, ['verify'])
  return { publicKey, keyPem: keys.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string }
}

/** Extended key usage OIDs, for `customLeaf`. */
export const SERVER_AUTH = x509.ExtendedKeyUsage.serverAuth
export const CLIENT_AUTH = x509.ExtendedKeyUsage.clientAuth
