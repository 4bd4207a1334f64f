import type { ClusterCertificate } from '../../../../shared/certificates'
import type { ClusterView } from '../../../../shared/cluster'
import { CopyButton } from '../shared/copy-button'
import { ErrorMessage } from '../shared/error-message'
import { useRequest } from '../shared/use-request'

/**
 * "Certificates" of a TLS cluster (Commands tab): each certificate with its subject, SANs, usages
 * and expiry, its files' paths to copy for the user's own tools, and what the checker found.
 */
export function CertificatesSection(props: { cluster: ClusterView }) {
  const name = props.cluster.definition.name
  const asked = useRequest('cluster:certificates', { cluster: name }, [name])
  return (
    <section aria-labelledby="certificates-title">
      <h3 id="certificates-title">Certificates</h3>
      <p className="muted">
        This cluster&apos;s own CA signed every certificate below. Members serve https with their
        server certificate, dial each other with their peer certificate (server-auth and
        client-auth), and ask every client for a certificate from the CA.
      </p>
      {asked.error && <ErrorMessage error={asked.error} />}
      {asked.data && <CertificateTable certificates={asked.data} />}
    </section>
  )
}

function CertificateTable(props: { certificates: ClusterCertificate[] }) {
  return (
    <div className="table-scroll">
      <table className="port-table" aria-label="Certificates">
        <thead>
          <tr>
            <th scope="col">Certificate</th>
            <th scope="col">Subject and SANs</th>
            <th scope="col">Usages</th>
            <th scope="col">Expires</th>
            <th scope="col">Files</th>
            <th scope="col">Check</th>
          </tr>
        </thead>
        <tbody>
          {props.certificates.map((c) => (
            <tr key={c.certFile}>
              <th scope="row">{c.label}</th>
              <td className="break">
                <div>{c.summary?.subject ?? '—'}</div>
                <div className="muted mono">
                  {c.summary?.subjectAltNames.map((s) => `${s.type}:${s.value}`).join(', ')}
                </div>
              </td>
              <td>{c.summary?.isCa ? 'CA' : (c.summary?.usages.join(', ') ?? '—')}</td>
              <td>{c.summary ? new Date(c.summary.notAfter).toLocaleDateString() : '—'}</td>
              <td className="mono break">
                {[c.certFile, c.keyFile].map((file) => (
                  <div key={file}>
                    {file} <CopyButton text={file} label={`Copy ${file}`} />
                  </div>
                ))}
              </td>
              <td>
                {c.findings.length === 0 ? (
                  <span aria-label={`${c.label}: no problem found`}>✓ no problem</span>
                ) : (
                  <ul aria-label={`Findings for ${c.label}`}>
                    {c.findings.map((f) => (
                      <li
                        key={`${f.code}-${f.message}`}
                        className={`finding finding--${f.severity}`}
                      >
                        {f.message}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
