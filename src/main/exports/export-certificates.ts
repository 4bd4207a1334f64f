import { readFile } from 'node:fs/promises'
import { isIP } from 'node:net'
import type { ClusterDefinition } from '../../shared/cluster'
import { issueLeaf, loadCertificateAuthority } from '../tls/certificate-factory'
import type { TlsFiles } from '../tls/tls-files'

/** The members of a TLS cluster whose export names another host than the cluster's. */
export function membersOnOtherHosts(
  def: ClusterDefinition,
  hosts: Readonly<Record<string, string>>,
): string[] {
  if (!def.tls) return []
  return def.members.filter((m) => (hosts[m.name] ?? def.host) !== def.host).map((m) => m.name)
}

/**
 * Server and peer certificates for members exported to other hosts, issued from the cluster's
 * CA (its key is read here and never exported): valid for the member's host as well as for the
 * addresses the cluster's own certificates name, so the local scripts keep working. Answers the
 * PEM text by path inside the export (tls/members/<member>/server.crt …).
 */
export async function issueExportCertificates(
  def: ClusterDefinition,
  hosts: Readonly<Record<string, string>>,
  files: TlsFiles,
): Promise<Map<string, string>> {
  const issued = new Map<string, string>()
  const members = membersOnOtherHosts(def, hosts)
  if (members.length === 0) return issued
  const [cert, key] = await Promise.all([readFile(files.ca, 'utf8'), readFile(files.caKey, 'utf8')])
  const ca = await loadCertificateAuthority({ cert, key })
  for (const member of members) {
    const names = addressesOf([def.host, hosts[member] ?? def.host])
    for (const use of ['server', 'peer'] as const) {
      const pair = await issueLeaf(ca, { commonName: member, use, ...names })
      issued.set(`tls/members/${member}/${use}.crt`, pair.cert)
      issued.set(`tls/members/${member}/${use}.key`, pair.key)
    }
  }
  return issued
}

/** Loopback in both families, localhost, and the given hosts (as IPs or DNS names). */
function addressesOf(hosts: string[]): { ips: string[]; dnsNames: string[] } {
  const ips = new Set(['127.0.0.1', '::1'])
  const dnsNames = new Set(['localhost'])
  for (const host of hosts) {
    if (isIP(host)) ips.add(host)
    else dnsNames.add(host)
  }
  return { ips: [...ips], dnsNames: [...dnsNames] }
}
