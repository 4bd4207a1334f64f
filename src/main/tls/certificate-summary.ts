import type { KeyObject, X509Certificate } from 'node:crypto'
import type { CertificateSummary, KeyUsageName, SubjectAltName } from '../../shared/certificates'

/** Extended key usage OIDs by the names etcd's docs use (RFC 5280 §4.2.1.12). */
const USAGE_NAMES: Readonly<Record<string, KeyUsageName>> = {
  '1.3.6.1.5.5.7.3.1': 'server-auth',
  '1.3.6.1.5.5.7.3.2': 'client-auth',
  '2.5.29.37.0': 'any',
}

/** OpenSSL's curve names as NIST (and Go) call them. */
const CURVE_NAMES: Readonly<Record<string, string>> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
}

/** SAN kinds as Node (OpenSSL) prints them in `subjectAltName`. */
const SAN_TYPES: Readonly<Record<string, SubjectAltName['type']>> = {
  DNS: 'DNS',
  'IP Address': 'IP',
  URI: 'URI',
  email: 'email',
}

/** What "Show certificates" lists for one certificate. */
export function summarizeCertificate(
  certificate: X509Certificate,
  file: string,
  encoding: 'PEM' | 'DER',
): CertificateSummary {
  return {
    file,
    subject: distinguishedName(certificate.subject),
    issuer: distinguishedName(certificate.issuer),
    serialNumber: certificate.serialNumber,
    subjectAltNames: subjectAltNamesOf(certificate),
    usages: (certificate.keyUsage ?? []).map((oid) => USAGE_NAMES[oid] ?? oid),
    notBefore: notBeforeOf(certificate).toISOString(),
    notAfter: notAfterOf(certificate).toISOString(),
    keyType: keyTypeOf(certificate.publicKey),
    isCa: certificate.ca,
    fingerprint: certificate.fingerprint256,
    encoding,
  }
}

/** Start of the validity period (Node 20 has only the text form, e.g. "Nov 30 10:55:05 2026 GMT"). */
export function notBeforeOf(certificate: X509Certificate): Date {
  return new Date(certificate.validFrom)
}

/** End of the validity period. */
export function notAfterOf(certificate: X509Certificate): Date {
  return new Date(certificate.validTo)
}

/** "ECDSA P-256", "RSA 2048", "Ed25519" … */
export function keyTypeOf(key: KeyObject): string {
  const details = key.asymmetricKeyDetails ?? {}
  switch (key.asymmetricKeyType) {
    case 'ec': {
      const curve = details.namedCurve ?? 'unknown curve'
      return `ECDSA ${CURVE_NAMES[curve] ?? curve}`
    }
    case 'rsa':
      return `RSA ${details.modulusLength ?? '?'}`
    case 'rsa-pss':
      return `RSA-PSS ${details.modulusLength ?? '?'}`
    case 'ed25519':
      return 'Ed25519'
    default:
      return key.asymmetricKeyType ?? 'unknown'
  }
}

/**
 * The SANs from Node's text form ("DNS:localhost, IP Address:0:0:0:0:0:0:0:1"). Node quotes a
 * value that holds a comma or quote as a JSON string; IPv6 addresses come back compressed ("::1").
 */
function subjectAltNamesOf(certificate: X509Certificate): SubjectAltName[] {
  const text = certificate.subjectAltName ?? ''
  const entries = text.matchAll(/([A-Za-z ]+):("(?:[^"\\]|\\.)*"|[^,]*)(?:, |$)/g)
  return [...entries].map(([, kind = '', raw = '']) => {
    const value = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw
    const type = SAN_TYPES[kind] ?? 'other'
    return {
      type,
      value: type === 'IP' ? compressIp(value) : type === 'other' ? `${kind}:${value}` : value,
    }
  })
}

/** An IP as people write it: URL parsing compresses IPv6 ("0:0:0:0:0:0:0:1" → "::1"). */
function compressIp(ip: string): string {
  if (!ip.includes(':')) return ip
  try {
    return new URL(`http://[${ip}]/`).hostname.slice(1, -1)
  } catch {
    return ip
  }
}

/** Node's one-attribute-a-line form ("CN=m1\nO=etcd Desk") as one line. */
function distinguishedName(text: string): string {
  return text.split('\n').join(', ')
}
