import { X509Certificate } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { ClusterCertificate } from '../../shared/certificates'
import type { ClusterDefinition } from '../../shared/cluster'
import { clientUrlOf, peerUrlOf } from '../cluster/etcd-flags'
import { EngineError } from '../errors/engine-error'
import { memberFolder, type DataLayout } from '../store/data-layout'
import { checkCertificate } from './certificate-check'
import { summarizeCertificate } from './certificate-summary'
import { tlsFilesOf } from './tls-files'

/**
 * "Show certificates": every certificate of a TLS cluster with its files, a summary (subject,
 * SANs, usages, expiry) and the checker's findings for the use etcd makes of it — the URLs each
 * member serves, the CA it must chain to. NOT_FOUND-like refusal for a plain cluster.
 */
export async function listClusterCertificates(
  layout: DataLayout,
  def: ClusterDefinition,
): Promise<ClusterCertificate[]> {
  if (!def.tls) {
    throw new EngineError('TLS_OFF', `Cluster ${def.name} does not use TLS.`, { cluster: def.name })
  }
  const files = tlsFilesOf(layout, def.name)
  const ca = await readFile(files.ca)
  const caSummary = summarizeCertificate(new X509Certificate(ca), basename(files.ca), 'PEM')
  const listed: ClusterCertificate[] = [
    {
      label: 'Certificate authority',
      use: null,
      certFile: files.ca,
      keyFile: files.caKey,
      summary: caSummary,
      findings: [],
    },
  ]
  const check = async (
    label: string,
    use: 'server' | 'peer' | 'client',
    certFile: string,
    keyFile: string,
    urls: string[],
  ): Promise<ClusterCertificate> => {
    const [cert, key] = await Promise.all([readFile(certFile), readFile(keyFile)])
    const { report } = checkCertificate({
      certificate: { name: basename(certFile), bytes: cert },
      key: { name: basename(keyFile), bytes: key },
      ca: { name: basename(files.ca), bytes: ca },
      use,
      urls,
    })
    return { label, use, certFile, keyFile, summary: report.summary, findings: report.findings }
  }
  for (const member of def.members) {
    const own = files.member(memberFolder(member))
    listed.push(
      await check(`${member.name} server`, 'server', own.serverCert, own.serverKey, [
        clientUrlOf(def, member),
      ]),
    )
    listed.push(
      await check(`${member.name} peer`, 'peer', own.peerCert, own.peerKey, [
        peerUrlOf(def, member),
      ]),
    )
  }
  listed.push(await check('etcdctl client', 'client', files.etcdctlCert, files.etcdctlKey, []))
  listed.push(await check('etcd Desk client', 'client', files.engineCert, files.engineKey, []))
  return listed
}
