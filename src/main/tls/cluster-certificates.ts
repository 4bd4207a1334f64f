import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { isIP } from 'node:net'
import { dirname } from 'node:path'
import type { ClusterDefinition, MemberDefinition } from '../../shared/cluster'
import type { ClientSecurity, ClientTls } from '../etcd/client-security'
import { memberFolder, type DataLayout } from '../store/data-layout'
import {
  createCertificateAuthority,
  issueLeaf,
  loadCertificateAuthority,
  type CertificateAuthority,
  type PemPair,
} from './certificate-factory'
import { tlsFilesOf } from './tls-files'

/**
 * Makes every certificate of a new TLS cluster: its own CA, a server and a peer certificate per
 * member (valid for every address it serves), and client certificates for the engine and for the
 * user's etcdctl. Files are owner-only.
 */
export async function createClusterCertificates(
  layout: DataLayout,
  def: ClusterDefinition,
): Promise<void> {
  const files = tlsFilesOf(layout, def.name)
  const ca = await createCertificateAuthority(`etcd Desk CA for ${def.name}`)
  await writePair(files.ca, files.caKey, ca)
  await issueClientCertificates(layout, def, ca)
  for (const member of def.members) await issueMemberCertificates(layout, def, member, ca)
}

/** Issues the client certificates of the engine and of the user's etcdctl (at create, or anew). */
export async function issueClientCertificates(
  layout: DataLayout,
  def: ClusterDefinition,
  authority?: CertificateAuthority,
): Promise<void> {
  const files = tlsFilesOf(layout, def.name)
  const ca = authority ?? (await loadCertificateAuthority(await readPair(files.ca, files.caKey)))
  await writePair(
    files.engineCert,
    files.engineKey,
    await issueLeaf(ca, { commonName: 'etcd-desk', use: 'client' }),
  )
  await writePair(
    files.etcdctlCert,
    files.etcdctlKey,
    await issueLeaf(ca, { commonName: 'etcdctl', use: 'client' }),
  )
}

/** Issues one member's server and peer certificates (at create, or for a member added later). */
export async function issueMemberCertificates(
  layout: DataLayout,
  def: ClusterDefinition,
  member: MemberDefinition,
  authority?: CertificateAuthority,
): Promise<void> {
  const files = tlsFilesOf(layout, def.name)
  const ca = authority ?? (await loadCertificateAuthority(await readPair(files.ca, files.caKey)))
  const names = addressesOf(def.host)
  const own = files.member(memberFolder(member))
  await writePair(
    own.serverCert,
    own.serverKey,
    await issueLeaf(ca, { commonName: member.name, use: 'server', ...names }),
  )
  await writePair(
    own.peerCert,
    own.peerKey,
    await issueLeaf(ca, { commonName: member.name, use: 'peer', ...names }),
  )
}

/** What the engine's clients present to a TLS cluster (null TLS for a plain one). */
export async function loadClientSecurity(
  layout: DataLayout,
  def: ClusterDefinition,
): Promise<ClientSecurity> {
  if (!def.tls) return { tls: null, auth: null }
  const files = tlsFilesOf(layout, def.name)
  const [ca, cert, key] = await Promise.all([
    readFile(files.ca),
    readFile(files.engineCert),
    readFile(files.engineKey),
  ])
  const tls: ClientTls = { ca, cert, key }
  return { tls, auth: null }
}

/**
 * Every address a member serves on: loopback in both families and localhost (clients and tools
 * use any of them), plus the cluster's host when it is another one.
 */
function addressesOf(host: string): { ips: string[]; dnsNames: string[] } {
  const ips = new Set(['127.0.0.1', '::1'])
  const dnsNames = new Set(['localhost'])
  if (isIP(host)) ips.add(host)
  else dnsNames.add(host)
  return { ips: [...ips], dnsNames: [...dnsNames] }
}

// Security: keys (and, for simplicity, certificates) readable by the owner only, in owner-only
// folders. Platform branch: Windows ignores these modes; the data directory's ACL applies there.
async function writePair(certFile: string, keyFile: string, pair: PemPair): Promise<void> {
  for (const file of [certFile, keyFile])
    await mkdir(dirname(file), { recursive: true, mode: 0o700 })
  await writeFile(certFile, pair.cert, { mode: 0o600 })
  await writeFile(keyFile, pair.key, { mode: 0o600 })
}

async function readPair(certFile: string, keyFile: string): Promise<PemPair> {
  const [cert, key] = await Promise.all([readFile(certFile, 'utf8'), readFile(keyFile, 'utf8')])
  return { cert, key }
}
