import type { ConnectionSpec } from '../../shared/connections'

/**
 * etcdctl's flags for a connection's TLS files and user, as the commands the window shows for a
 * connected cluster carry them (the password is never written out: etcdctl asks for it).
 */
export function connectionEtcdctlFlags(spec: ConnectionSpec): string[] {
  const tls = spec.tls
  return [
    ...(tls?.caFile ? [`--cacert=${tls.caFile}`] : []),
    ...(tls?.certFile ? [`--cert=${tls.certFile}`] : []),
    ...(tls?.keyFile ? [`--key=${tls.keyFile}`] : []),
    ...(tls?.skipServerVerification ? ['--insecure-skip-tls-verify'] : []),
    ...(spec.username ? [`--user=${spec.username}`] : []),
  ]
}
