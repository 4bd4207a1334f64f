import type {
  CertificateFinding,
  CertificateReport,
  CertificateUse,
  FindingSeverity,
} from '../../shared/certificates'
import { authorityFindings, chainFindings } from './chain-check'
import { readCertificateFile } from './certificate-reading'
import { summarizeCertificate } from './certificate-summary'
import { keyFindings, keyTypeFindings } from './key-check'
import { sanFindings } from './san-check'
import { usageFindings } from './usage-check'
import { validityFindings } from './validity-check'

/** A file to check: its name as the user knows it (used in every sentence) and its bytes. */
export interface CheckedFile {
  name: string
  bytes: Uint8Array
}

/** What to check: a certificate, optionally its key and CA, for one use and the URLs it serves. */
export interface CertificateCheckRequest {
  certificate: CheckedFile
  key?: CheckedFile
  ca?: CheckedFile
  use: CertificateUse
  /** URLs the certificate must serve, e.g. https://127.0.0.1:2379 (server and peer use). */
  urls?: readonly string[]
  /** The time validity is judged at; now by default. */
  now?: Date
}

/** The files as etcd must read them (PEM, DER converted); null when not given or unreadable. */
interface PemFiles {
  certificate: string | null
  key: string | null
  ca: string | null
}

/**
 * The checker's answer. Security: only `report` may go to the window; `pem` holds the private key
 * and stays in the engine, which writes it to an owner-only file.
 */
export interface CertificateCheck {
  report: CertificateReport
  pem: PemFiles
}

const ORDER: Readonly<Record<FindingSeverity, number>> = { error: 0, warning: 1, info: 2 }

/**
 * Checks a certificate the way etcd and its clients will use it: readable (PEM, or DER converted),
 * SANs cover every URL, usages fit the use, valid now, chains to the CA, key matches and is
 * readable. Each problem comes back as a finding in plain words, errors first.
 */
export function checkCertificate(request: CertificateCheckRequest): CertificateCheck {
  const { certificate: certFile, key: keyFile, ca: caFile, use } = request
  const now = request.now ?? new Date()
  const findings: CertificateFinding[] = []
  const pem: PemFiles = { certificate: null, key: null, ca: null }
  const read = readCertificateFile(certFile.bytes)
  const leaf = read.isOk ? (read.certificates[0] ?? null) : null
  let summary: CertificateReport['summary'] = null
  if (!read.isOk) findings.push(notACertificate(certFile.name, read.reason))
  else if (leaf) {
    pem.certificate = read.pem
    summary = summarizeCertificate(leaf, certFile.name, read.encoding)
    if (read.encoding === 'DER') findings.push(derConverted(certFile.name))
    findings.push(
      ...sanFindings(leaf, summary.subjectAltNames, certFile.name, use, request.urls ?? []),
      ...usageFindings(summary.usages, certFile.name, use),
      ...validityFindings(leaf, certFile.name, now, false),
      ...keyTypeFindings(leaf.publicKey, certFile.name),
    )
  }
  let keyFormat: CertificateReport['keyFormat'] = null
  if (keyFile) {
    const checked = keyFindings(keyFile.bytes, keyFile.name, leaf, certFile.name)
    keyFormat = checked.format
    pem.key = checked.pem
    findings.push(...checked.findings)
  }
  if (caFile) {
    const authority = readCertificateFile(caFile.bytes)
    if (!authority.isOk) findings.push(notACertificate(caFile.name, authority.reason))
    else {
      pem.ca = authority.pem
      if (authority.encoding === 'DER') findings.push(derConverted(caFile.name))
      findings.push(
        ...authorityFindings(authority.certificates, authority.otherBlocks, caFile.name),
        ...authority.certificates.flatMap((c) => validityFindings(c, caFile.name, now, true)),
      )
      if (read.isOk)
        findings.push(
          ...chainFindings(read.certificates, certFile.name, authority.certificates, caFile.name),
        )
    }
  }
  findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity])
  return { report: { summary, keyFormat, findings }, pem }
}

function notACertificate(file: string, reason: string): CertificateFinding {
  return {
    code: 'NOT_A_CERTIFICATE',
    severity: 'error',
    file,
    message: `${file} ${reason}. Choose the certificate file: in PEM it starts with "-----BEGIN CERTIFICATE-----".`,
  }
}

function derConverted(file: string): CertificateFinding {
  return {
    code: 'DER_CONVERTED',
    severity: 'info',
    file,
    message: `${file} is in binary DER form; etcd reads PEM only ("-----BEGIN CERTIFICATE-----"), so it was converted to PEM.`,
  }
}
