import { X509Certificate } from 'node:crypto'
import { GLUED_BLOCKS_REASON, hasGluedBlocks, isPem, pemBlocks } from './pem-blocks'

/** The certificates of one file (a leaf and its intermediates, or a CA bundle), as PEM for etcd. */
export interface CertificateFileContent {
  isOk: true
  certificates: X509Certificate[]
  encoding: 'PEM' | 'DER'
  /** The certificates as etcd must read them: PEM, one block each (DER converted, nothing else). */
  pem: string
  /** Labels of PEM blocks that are not certificates (a key pasted into the same file …). */
  otherBlocks: string[]
}

/** Why a file holds no readable certificate, in words that fit after "<file> …". */
export interface CertificateFileProblem {
  isOk: false
  reason: string
}

/** Reads every certificate of a PEM or DER file. */
export function readCertificateFile(
  bytes: Uint8Array,
): CertificateFileContent | CertificateFileProblem {
  if (bytes.length === 0) return { isOk: false, reason: 'is empty' }
  if (!isPem(bytes)) return readDer(bytes)
  if (hasGluedBlocks(bytes)) return { isOk: false, reason: GLUED_BLOCKS_REASON }
  const blocks = pemBlocks(bytes)
  const certificates: X509Certificate[] = []
  for (const block of blocks.filter((b) => b.label === 'CERTIFICATE')) {
    const certificate = parse(block.der)
    if (!certificate) return { isOk: false, reason: 'has a CERTIFICATE block that is damaged' }
    certificates.push(certificate)
  }
  const otherBlocks = blocks.filter((b) => b.label !== 'CERTIFICATE').map((b) => b.label)
  if (certificates.length === 0)
    return {
      isOk: false,
      reason:
        otherBlocks.length > 0
          ? `holds ${otherBlocks.map((l) => `a ${l}`).join(' and ')} but no certificate`
          : 'holds no complete PEM block',
    }
  const pem = certificates.map((c) => c.toString()).join('')
  return { isOk: true, certificates, encoding: 'PEM', pem, otherBlocks }
}

function readDer(bytes: Uint8Array): CertificateFileContent | CertificateFileProblem {
  const certificate = parse(Buffer.from(bytes))
  if (!certificate)
    return { isOk: false, reason: 'is neither a PEM nor a DER certificate (a key, or damaged?)' }
  return {
    isOk: true,
    certificates: [certificate],
    encoding: 'DER',
    pem: certificate.toString(),
    otherBlocks: [],
  }
}

/** A certificate, or null when the bytes are not one (Node throws an OpenSSL decoder error). */
function parse(der: Buffer): X509Certificate | null {
  try {
    return new X509Certificate(der)
  } catch {
    return null
  }
}
