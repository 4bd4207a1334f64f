import { useTranslation } from '../../i18n'
import type { TlsChangeReport } from '../../../../shared/tls-switch'
import { ProbeLine } from '../maintenance/probe-line'

/** What "Enable TLS" or "Rotate certificates" did: each restart and what the probe saw. */
export function TlsChangeReportView(props: { report: TlsChangeReport }) {
  const { report } = props
  const { t } = useTranslation('certificates')
  const title = report.kind === 'enable' ? t('report.enabled') : t('report.rotated')
  return (
    <div className="operation-report" aria-label={title}>
      <h4>{title}</h4>
      <ProbeLine probe={report.probe} />
      {report.plainPorts.length > 0 && (
        <p className="muted">
          {t('report.plainPorts', {
            ports: report.plainPorts.map((p) => `${p.member}: ${p.port}`).join(', '),
          })}
        </p>
      )}
      <div className="table-scroll">
        <table className="port-table" aria-label={t('report.restarts', { title })}>
          <thead>
            <tr>
              <th scope="col">{t('report.member')}</th>
              <th scope="col">{t('report.step')}</th>
              <th scope="col">{t('report.took')}</th>
            </tr>
          </thead>
          <tbody>
            {report.restarts.map((r) => (
              <tr key={`${r.phase}-${r.member}`}>
                <th scope="row">{r.member}</th>
                <td>{t(`report.phases.${r.phase}`)}</td>
                <td>{t('report.seconds', { seconds: (r.tookMs / 1000).toFixed(1) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('report.commands')}</p>
    </div>
  )
}
