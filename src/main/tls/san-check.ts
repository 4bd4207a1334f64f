import { isIP } from 'node:net'
import type { X509Certificate } from 'node:crypto'
import type { CertificateFinding, CertificateUse, SubjectAltName } from '../../shared/certificates'

/** Who dials a certificate's URLs, for the sentence that says who fails. */
const DIALERS: Readonly<Record<Exclude<CertificateUse, 'client'>, string>> = {
  server: 'clients (etcdctl, curl, etcd Desk)',
  peer: 'the other members',
}

/**
 * Every URL host the certificate does not cover. Clients check the host they dial against the
 * SANs only: Go (etcd, etcdctl) and Node ignore the common name (ETCD-OPS-FACTS §1.2), hence
 * `subject: 'never'`. A client certificate serves nothing, so its SANs are not checked.
 */
export function sanFindings(
  certificate: X509Certificate,
  names: readonly SubjectAltName[],
  file: string,
  use: CertificateUse,
  urls: readonly string[],
): CertificateFinding[] {
  if (use === 'client') return []
  if (urls.length === 0 && !names.some((n) => n.type === 'IP' || n.type === 'DNS'))
    return [
      {
        code: 'SAN_MISSING',
        severity: 'error',
        file,
        message: `${file} has no subject alternative names; Go (etcd, etcdctl) and Node ignore the common name, so ${DIALERS[use]} refuse it. Issue it again with the IP addresses and host names it serves (e.g. IP:127.0.0.1, DNS:localhost).`,
      },
    ]
  const findings: CertificateFinding[] = []
  const seen = new Set<string>()
  for (const url of urls) {
    const host = hostOf(url)
    if (seen.has(host) || covers(certificate, host)) continue
    seen.add(host)
    const kind = isIP(host) ? 'IP' : 'DNS'
    findings.push({
      code: 'SAN_MISSING',
      severity: 'error',
      file,
      message: `${file} is not valid for ${host}, so ${DIALERS[use]} dialing ${url} refuse it with "${goHostnameError(names, host)}"${use === 'server' ? ' (etcdctl shows only "context deadline exceeded")' : ''}. Issue it again with ${kind}:${host} among its subject alternative names.`,
    })
  }
  return findings
}

/** The host of a URL, without IPv6 brackets. */
function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^\[(.*)\]$/, '$1')
}

function covers(certificate: X509Certificate, host: string): boolean {
  return isIP(host)
    ? certificate.checkIP(host) !== undefined
    : certificate.checkHost(host, { subject: 'never' }) !== undefined
}

/**
 * The words Go's x509.HostnameError uses for this certificate and host, so the finding reads like
 * the line etcd will log (crypto/x509/verify.go).
 */
function goHostnameError(names: readonly SubjectAltName[], host: string): string {
  if (isIP(host)) {
    const ips = names.filter((n) => n.type === 'IP').map((n) => n.value)
    if (ips.length === 0)
      return `x509: cannot validate certificate for ${host} because it doesn't contain any IP SANs`
    return `x509: certificate is valid for ${ips.join(', ')}, not ${host}`
  }
  const dns = names.filter((n) => n.type === 'DNS').map((n) => n.value)
  if (dns.length === 0)
    return `x509: certificate is not valid for any names, but wanted to match ${host}`
  return `x509: certificate is valid for ${dns.join(', ')}, not ${host}`
}
