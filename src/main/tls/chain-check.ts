import type { X509Certificate } from 'node:crypto'
import type { CertificateFinding } from '../../shared/certificates'

/**
 * Whether the certificate chains to one of the CA file's certificates, through the intermediates
 * that follow it in its own file (etcd sends the whole file, so peers can use them).
 */
export function chainFindings(
  chain: readonly X509Certificate[],
  file: string,
  authorities: readonly X509Certificate[],
  caFile: string,
): CertificateFinding[] {
  const leaf = chain[0]
  if (!leaf || chainsTo(leaf, chain.slice(1), authorities)) return []
  const issuer = leaf.issuer.split('\n').join(', ')
  return [
    {
      code: 'NOT_SIGNED_BY_CA',
      severity: 'error',
      file,
      message: `${file} was not signed by ${caFile} (its issuer is "${issuer}"), so members and clients that trust ${caFile} refuse it with "x509: certificate signed by unknown authority". Use the CA that issued it as the trusted CA file, or issue it again from ${caFile}.`,
    },
  ]
}

/**
 * What etcd refuses in a trusted-CA file, and what other tools may refuse: Go's NewCertPool reads
 * every PEM block as a certificate and fails on anything else (ETCD-OPS-FACTS §1.2).
 */
export function authorityFindings(
  authorities: readonly X509Certificate[],
  otherBlocks: readonly string[],
  caFile: string,
): CertificateFinding[] {
  const findings: CertificateFinding[] = []
  if (otherBlocks.length > 0)
    findings.push({
      code: 'CA_FILE_INVALID',
      severity: 'error',
      file: caFile,
      message: `${caFile} also holds ${otherBlocks.map((l) => `a ${l}`).join(' and ')}; etcd reads every block of its trusted-CA file as a certificate and refuses to start. Keep only CERTIFICATE blocks in it (and never the CA's private key).`,
    })
  for (const authority of authorities.filter((a) => !a.ca))
    findings.push({
      code: 'CA_NOT_A_CA',
      severity: 'warning',
      file: caFile,
      message: `${caFile} holds "${authority.subject.split('\n').join(', ')}", which is not marked as a certificate authority (basic constraints CA:FALSE); TLS clients may refuse to trust certificates it signed. Use a CA certificate made with CA:TRUE.`,
    })
  return findings
}

/** Walks up from `leaf` through `intermediates` until an authority signed one (a bounded walk). */
function chainsTo(
  leaf: X509Certificate,
  intermediates: readonly X509Certificate[],
  authorities: readonly X509Certificate[],
): boolean {
  let current = leaf
  for (let step = 0; step <= intermediates.length; step++) {
    if (authorities.some((authority) => isSignedBy(current, authority))) return true
    const next = intermediates.find((i) => i !== current && isSignedBy(current, i))
    if (!next) return false
    current = next
  }
  return false
}

/** Names match (OpenSSL's check, with key identifiers) and the signature verifies. */
function isSignedBy(certificate: X509Certificate, issuer: X509Certificate): boolean {
  return certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey)
}
