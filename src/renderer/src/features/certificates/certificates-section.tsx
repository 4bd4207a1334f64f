import { useTranslation } from '../../i18n'
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
  const { t } = useTranslation('certificates')
  const asked = useRequest('cluster:certificates', { cluster: name }, [name])
  return (
    <section aria-labelledby="certificates-title">
      <h3 id="certificates-title">{t('certs.title')}</h3>
      <p className="muted">{t('certs.about')}</p>
      {asked.error && <ErrorMessage error={asked.error} />}
      {asked.data && <CertificateTable certificates={asked.data} />}
    </section>
  )
}

function CertificateTable(props: { certificates: ClusterCertificate[] }) {
  const { t, i18n } = useTranslation('certificates')
  return (
    <div className="table-scroll">
      <table className="port-table" aria-label={t('certs.table')}>
        <thead>
          <tr>
            <th scope="col">{t('certs.certificate')}</th>
            <th scope="col">{t('certs.subject')}</th>
            <th scope="col">{t('certs.usages')}</th>
            <th scope="col">{t('certs.expires')}</th>
            <th scope="col">{t('certs.files')}</th>
            <th scope="col">{t('certs.check')}</th>
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
              <td>{c.summary?.isCa ? t('certs.ca') : (c.summary?.usages.join(', ') ?? '—')}</td>
              <td>
                {c.summary ? new Date(c.summary.notAfter).toLocaleDateString(i18n.language) : '—'}
              </td>
              <td className="mono break">
                {[c.certFile, c.keyFile].map((file) => (
                  <div key={file}>
                    {file} <CopyButton text={file} label={t('certs.copy', { file })} />
                  </div>
                ))}
              </td>
              <td>
                {c.findings.length === 0 ? (
                  <span aria-label={t('certs.noProblemLabel', { label: c.label })}>
                    {t('certs.noProblem')}
                  </span>
                ) : (
                  <ul aria-label={t('certs.findings', { label: c.label })}>
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
