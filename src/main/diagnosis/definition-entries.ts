import { basename } from 'node:path'
import type { ClusterCertificate } from '../../shared/certificates'
import { listClusterCertificates } from '../tls/certificate-listing'
import { jsonText, messageOf, type BundleEntry, type CollectContext } from './bundle-entry'
import { withoutSecretFields } from './redaction'

/**
 * The cluster as etcd Desk stored it (cluster.json, without any secret-named field) and, on a TLS
 * cluster, what each certificate says: subject, issuer, names, validity, findings. Security: the
 * certificate files themselves and every private key stay out of the bundle.
 */
export async function definitionEntries(ctx: CollectContext): Promise<BundleEntry[]> {
  const { runtime } = ctx
  ctx.step('definition')
  const entries: BundleEntry[] = [
    {
      path: 'cluster.json',
      text: jsonText(withoutSecretFields(runtime.def)),
      about: "The cluster's definition as etcd Desk stored it (members, ports, version, options).",
    },
  ]
  if (!runtime.def.tls) return entries
  try {
    const listed = await listClusterCertificates(runtime.layout, runtime.def)
    entries.push({
      path: 'certificates.json',
      text: jsonText(listed.map(certificateFacts)),
      about: 'Subject, issuer, names and validity of each TLS certificate (no keys, no files).',
    })
  } catch (error) {
    runtime.log.warn({ err: error }, 'diagnosis: reading the certificates failed')
    ctx.note(`certificates: could not be read (${messageOf(error)})`)
  }
  return entries
}

/** What a bug report needs of a certificate; never its key or the key's path. */
function certificateFacts(cert: ClusterCertificate) {
  const s = cert.summary
  return {
    label: cert.label,
    use: cert.use,
    file: basename(cert.certFile),
    subject: s?.subject ?? null,
    issuer: s?.issuer ?? null,
    serialNumber: s?.serialNumber ?? null,
    subjectAltNames: s?.subjectAltNames.map((n) => `${n.type}:${n.value}`) ?? [],
    usages: s?.usages ?? [],
    notBefore: s?.notBefore ?? null,
    notAfter: s?.notAfter ?? null,
    keyType: s?.keyType ?? null,
    isCa: s?.isCa ?? false,
    fingerprint: s?.fingerprint ?? null,
    findings: cert.findings.map((f) => `${f.severity}: ${f.message}`),
  }
}
