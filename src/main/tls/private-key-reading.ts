import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto'
import type { KeyFormat } from '../../shared/certificates'
import { GLUED_BLOCKS_REASON, hasGluedBlocks, isPem, pemBlocks, type PemBlock } from './pem-blocks'

/** A private key file read the way etcd (Go's tls.X509KeyPair) reads it. */
export interface KeyFileContent {
  isOk: true
  key: KeyObject
  format: KeyFormat
  encoding: 'PEM' | 'DER'
  /** The key alone as etcd must read it: PEM in the format it came in (DER converted). */
  pem: string
}

/** Why a key file cannot be used, in words that fit after "<file> …". */
export interface KeyFileProblem {
  isOk: false
  problem: 'encrypted' | 'unreadable'
  reason: string
}

/** The three key formats Go reads, by the PEM label each one is written under. */
const FORMAT_OF_LABEL: Readonly<Record<string, KeyFormat>> = {
  'PRIVATE KEY': 'PKCS#8',
  'RSA PRIVATE KEY': 'PKCS#1',
  'EC PRIVATE KEY': 'SEC1',
}

const NODE_TYPE: Readonly<Record<KeyFormat, 'pkcs8' | 'pkcs1' | 'sec1'>> = {
  'PKCS#8': 'pkcs8',
  'PKCS#1': 'pkcs1',
  SEC1: 'sec1',
}

/** Reads an unencrypted PKCS#1, PKCS#8 or SEC1 private key from PEM or DER bytes. */
export function readKeyFile(bytes: Uint8Array): KeyFileContent | KeyFileProblem {
  if (bytes.length === 0) return unreadable('is empty')
  if (!isPem(bytes)) return readDer(Buffer.from(bytes))
  if (hasGluedBlocks(bytes)) return unreadable(GLUED_BLOCKS_REASON)
  const blocks = pemBlocks(bytes)
  // Like Go: skip blocks that are no private key (openssl writes "EC PARAMETERS" first).
  const block = blocks.find((b) => b.label === 'PRIVATE KEY' || b.label.endsWith(' PRIVATE KEY'))
  if (!block) {
    const labels = blocks.map((b) => b.label)
    return unreadable(
      labels.length > 0
        ? `holds ${labels.map((l) => `a ${l}`).join(' and ')} but no private key`
        : 'holds no complete PEM block',
    )
  }
  if (isEncrypted(block)) return encrypted()
  const format = FORMAT_OF_LABEL[block.label]
  if (!format) return unreadable(`holds a "${block.label}" block, a key format etcd cannot read`)
  const key = parse(block.der, format)
  if (!key) return unreadable(`has a "${block.label}" block that is damaged`)
  return { isOk: true, key, format, encoding: 'PEM', pem: pemOf(key, format) }
}

function readDer(der: Buffer): KeyFileContent | KeyFileProblem {
  for (const format of ['PKCS#8', 'PKCS#1', 'SEC1'] as const) {
    const key = parse(der, format)
    if (key) return { isOk: true, key, format, encoding: 'DER', pem: pemOf(key, format) }
  }
  if (isCertificate(der)) return unreadable('holds a certificate, not a private key')
  return unreadable(
    'is neither a PEM nor a DER private key (PKCS#1, PKCS#8 or SEC1); an encrypted key cannot be used either',
  )
}

/** Old-style encryption (a Proc-Type header) or PKCS#8 EncryptedPrivateKeyInfo. */
function isEncrypted(block: PemBlock): boolean {
  return (
    block.label === 'ENCRYPTED PRIVATE KEY' ||
    block.headers.some((h) => /^Proc-Type:.*ENCRYPTED/i.test(h))
  )
}

/** The key, or null when the bytes are not a key of that format (Node throws a decoder error). */
function parse(der: Buffer, format: KeyFormat): KeyObject | null {
  try {
    return createPrivateKey({ key: der, format: 'der', type: NODE_TYPE[format] })
  } catch {
    return null
  }
}

function pemOf(key: KeyObject, format: KeyFormat): string {
  return key.export({ type: NODE_TYPE[format], format: 'pem' }) as string
}

/** True when the bytes are a certificate (Node throws a decoder error otherwise). */
function isCertificate(der: Buffer): boolean {
  try {
    new X509Certificate(der)
    return true
  } catch {
    return false
  }
}

function unreadable(reason: string): KeyFileProblem {
  return { isOk: false, problem: 'unreadable', reason }
}

function encrypted(): KeyFileProblem {
  return { isOk: false, problem: 'encrypted', reason: 'is encrypted with a passphrase' }
}
