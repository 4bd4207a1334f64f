/**
 * What the certificate checker reports (main/tls/certificate-check.ts) and the "Show certificates"
 * screen lists: a summary of each certificate, and findings in plain words.
 */

/** What a certificate is for: etcd's client port, its peer port (served and dialed), or a client. */
export type CertificateUse = 'server' | 'peer' | 'client'

/** How bad a finding is: `error` breaks TLS, `warning` breaks some uses or soon, `info` is a note. */
export type FindingSeverity = 'error' | 'warning' | 'info'

/** Every problem or note the checker can report. */
type CertificateFindingCode =
  /** The file holds no certificate (or something else, such as a key). */
  | 'NOT_A_CERTIFICATE'
  /** The file was binary DER; etcd reads PEM only, so it was converted. */
  | 'DER_CONVERTED'
  /** A URL's host is not among the certificate's subject alternative names (or it has none). */
  | 'SAN_MISSING'
  /** An extended key usage the use needs (server-auth, client-auth) is missing. */
  | 'USAGE_MISSING'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'EXPIRES_SOON'
  /** The certificate does not chain to the given CA. */
  | 'NOT_SIGNED_BY_CA'
  /** The CA certificate is not marked as a certificate authority. */
  | 'CA_NOT_A_CA'
  /** The trusted-CA file holds something other than certificates, which etcd refuses. */
  | 'CA_FILE_INVALID'
  /** The private key is not the certificate's. */
  | 'KEY_MISMATCH'
  /** The key file holds no private key etcd can read. */
  | 'KEY_FORMAT'
  /** The key is protected by a passphrase, which etcd cannot use. */
  | 'KEY_ENCRYPTED'
  /** A key algorithm or curve Go's TLS (so etcd) does not support. */
  | 'KEY_TYPE'
  /** An RSA key shorter than 2048 bits. */
  | 'KEY_WEAK'

/** One finding about one file, with a sentence that names the file and says what to do. */
export interface CertificateFinding {
  code: CertificateFindingCode
  severity: FindingSeverity
  /** The file's name as the user knows it (e.g. `peer.crt`). */
  file: string
  message: string
}

/** One subject alternative name, as etcd and clients match it. */
export interface SubjectAltName {
  type: 'DNS' | 'IP' | 'URI' | 'email' | 'other'
  value: string
}

/** An extended key usage by its common name, or its OID when it has none here. */
export type KeyUsageName = 'server-auth' | 'client-auth' | 'any' | (string & {})

/** How a private key file is written. */
export type KeyFormat = 'PKCS#8' | 'PKCS#1' | 'SEC1'

/** What the "Show certificates" screen lists for one certificate. */
export interface CertificateSummary {
  file: string
  subject: string
  issuer: string
  serialNumber: string
  subjectAltNames: SubjectAltName[]
  /** Extended key usages; empty when the certificate has none (then it may be used for anything). */
  usages: KeyUsageName[]
  /** ISO times. */
  notBefore: string
  notAfter: string
  /** E.g. "ECDSA P-256", "RSA 2048", "Ed25519". */
  keyType: string
  isCa: boolean
  /** SHA-256 fingerprint, colon-separated hex, as openssl and browsers show it. */
  fingerprint: string
  /** How the file was written (DER is converted to PEM for etcd). */
  encoding: 'PEM' | 'DER'
}

/** The checker's verdict on one certificate (and its key and CA). */
export interface CertificateReport {
  /** Null when the file holds no readable certificate. */
  summary: CertificateSummary | null
  /** The key file's format, when a readable key was given. */
  keyFormat: KeyFormat | null
  findings: CertificateFinding[]
}

/** True when a report has an error: etcd or its clients would refuse the certificate. */
export function hasCertificateErrors(report: CertificateReport): boolean {
  return report.findings.some((f) => f.severity === 'error')
}

/** One certificate of a TLS cluster as "Show certificates" lists it. */
export interface ClusterCertificate {
  /** "Certificate authority", "etcd1 server", "etcd1 peer", "etcdctl client" … */
  label: string
  /** What etcd uses it for; null for the CA. */
  use: CertificateUse | null
  /** Full paths, to copy for the user's own tools. */
  certFile: string
  keyFile: string
  summary: CertificateSummary | null
  findings: CertificateFinding[]
}
