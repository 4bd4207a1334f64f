import type { KeyObject, X509Certificate } from 'node:crypto'
import type { CertificateFinding, KeyFormat } from '../../shared/certificates'
import { keyTypeOf } from './certificate-summary'
import { readKeyFile } from './private-key-reading'

/** The curves Go's TLS stack (so etcd and etcdctl) accepts in certificates. */
const GO_CURVES = new Set(['prime256v1', 'secp384r1', 'secp521r1'])

/** RSA keys shorter than this are reported. Why 2048: the NIST minimum, and what tools default to. */
const RSA_MIN_BITS = 2048

/** The key file as etcd must read it, and what is wrong with it. */
export interface KeyCheck {
  format: KeyFormat | null
  pem: string | null
  findings: CertificateFinding[]
}

/**
 * Reads a key file like etcd does (unencrypted PKCS#1, PKCS#8 or SEC1; PEM, or DER converted) and
 * checks that it is the certificate's key.
 */
export function keyFindings(
  bytes: Uint8Array,
  keyFile: string,
  certificate: X509Certificate | null,
  certFile: string,
): KeyCheck {
  const read = readKeyFile(bytes)
  if (!read.isOk) {
    const finding: CertificateFinding =
      read.problem === 'encrypted'
        ? {
            code: 'KEY_ENCRYPTED',
            severity: 'error',
            file: keyFile,
            message: `${keyFile} ${read.reason}; etcd cannot read encrypted keys. Save it without a passphrase and keep the file readable by you only.`,
          }
        : {
            code: 'KEY_FORMAT',
            severity: 'error',
            file: keyFile,
            message: `${keyFile} ${read.reason}. etcd reads an unencrypted PKCS#1 ("RSA PRIVATE KEY"), PKCS#8 ("PRIVATE KEY") or SEC1 ("EC PRIVATE KEY") key; choose the key file made together with ${certFile}.`,
          }
    return { format: null, pem: null, findings: [finding] }
  }
  const findings: CertificateFinding[] = []
  if (read.encoding === 'DER')
    findings.push({
      code: 'DER_CONVERTED',
      severity: 'info',
      file: keyFile,
      message: `${keyFile} is in binary DER form (${read.format}); etcd reads PEM only ("-----BEGIN … PRIVATE KEY-----"), so it was converted to PEM.`,
    })
  if (certificate && !certificate.checkPrivateKey(read.key))
    findings.push({
      code: 'KEY_MISMATCH',
      severity: 'error',
      file: keyFile,
      message: `${keyFile} is not the key of ${certFile}; etcd refuses to start with "tls: private key does not match public key". Use the key that was made together with this certificate.`,
    })
  return { format: read.format, pem: read.pem, findings }
}

/** Whether Go's TLS can use the certificate's key at all, and whether it is too short. */
export function keyTypeFindings(key: KeyObject, certFile: string): CertificateFinding[] {
  const type = key.asymmetricKeyType
  const curve = key.asymmetricKeyDetails?.namedCurve
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0
  const isSupported =
    type === 'rsa' || type === 'ed25519' || (type === 'ec' && GO_CURVES.has(curve ?? ''))
  if (!isSupported)
    return [
      {
        code: 'KEY_TYPE',
        severity: 'error',
        file: certFile,
        message: `${certFile} has a ${keyTypeOf(key)} key, which Go's TLS (etcd, etcdctl) cannot use. Issue it again with an ECDSA P-256, RSA or Ed25519 key.`,
      },
    ]
  if (type === 'rsa' && bits < RSA_MIN_BITS)
    return [
      {
        code: 'KEY_WEAK',
        severity: 'warning',
        file: certFile,
        message: `${certFile} has a ${bits}-bit RSA key; keys shorter than ${RSA_MIN_BITS} bits can be broken and newer Go versions refuse the shortest. Issue it again with a 2048-bit RSA or an ECDSA P-256 key.`,
      },
    ]
  return []
}
