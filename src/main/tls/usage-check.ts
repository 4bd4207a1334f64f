import type { CertificateFinding, CertificateUse, KeyUsageName } from '../../shared/certificates'

type Needed = 'server-auth' | 'client-auth'

/**
 * The extended key usages a use needs (ETCD-OPS-FACTS §1.2), and what breaks without each. A peer
 * certificate serves the peer port and is also presented when a member dials the others, so it
 * needs both. A server certificate needs server-auth; without client-auth only etcd's JSON gateway
 * breaks (it dials the member's own gRPC port with this certificate), hence a warning.
 */
const RULES: Readonly<
  Record<CertificateUse, readonly { usage: Needed; severity: 'error' | 'warning' }[]>
> = {
  server: [
    { usage: 'server-auth', severity: 'error' },
    { usage: 'client-auth', severity: 'warning' },
  ],
  peer: [
    { usage: 'server-auth', severity: 'error' },
    { usage: 'client-auth', severity: 'error' },
  ],
  client: [{ usage: 'client-auth', severity: 'error' }],
}

const INCOMPATIBLE = '"x509: certificate specifies an incompatible key usage"'

/**
 * Usages the certificate lacks for its use. A certificate without the extension may be used for
 * anything (Go and OpenSSL agree), and so may one with "any".
 */
export function usageFindings(
  usages: readonly KeyUsageName[],
  file: string,
  use: CertificateUse,
): CertificateFinding[] {
  if (usages.length === 0 || usages.includes('any')) return []
  return RULES[use]
    .filter((rule) => !usages.includes(rule.usage))
    .map((rule) => ({
      code: 'USAGE_MISSING' as const,
      severity: rule.severity,
      file,
      message: messageOf(use, rule.usage, file, usages),
    }))
}

function messageOf(
  use: CertificateUse,
  missing: Needed,
  file: string,
  usages: readonly KeyUsageName[],
): string {
  const has = `has only ${usages.join(' and ')} usage`
  if (use === 'peer' && missing === 'client-auth')
    return `${file} ${has}; members also dial each other with it, so it needs client-auth too — without it the other members refuse it and etcd logs "bad certificate". Issue it again with both server-auth and client-auth usage.`
  if (use === 'peer')
    return `${file} ${has}; members serve their peer port with it, so the others refuse to connect with ${INCOMPATIBLE}. Issue it again with both server-auth and client-auth usage.`
  if (use === 'server' && missing === 'server-auth')
    return `${file} ${has}; it serves the member's client port, so clients refuse it with ${INCOMPATIBLE}. Issue it again with server-auth usage.`
  if (use === 'server')
    return `${file} ${has}. With --client-cert-auth, etcd's JSON gateway (/v3/… over HTTP) dials the member's own gRPC port with this certificate and fails with ${INCOMPATIBLE}; gRPC clients such as etcdctl still work. Add client-auth usage, or on etcd 3.5+ give the gateway its own certificate with --client-cert-file and --client-key-file.`
  return `${file} ${has}; members refuse it as a client certificate (etcd logs "tls: failed to verify client certificate: x509: certificate specifies an incompatible key usage", the client sees "bad certificate"). Issue it again with client-auth usage.`
}
