import { useTranslation } from '../../i18n'
import type { OperationReport } from '../../../../shared/cluster'
import { useEngineWords } from '../../i18n/engine-words'

/** How the last long operation on the cluster went: its steps and the write probe's counts. */
export function OperationReportView(props: { report: OperationReport | null }) {
  const { report } = props
  const { t, i18n } = useTranslation('membership')
  const words = useEngineWords()
  if (!report) return null
  return (
    <section
      className={`operation-report operation-report--${report.isSuccess ? 'ok' : 'failed'}`}
      aria-label={t('report.label')}
    >
      <h4>
        {t(report.isSuccess ? 'report.done' : 'report.failed', {
          label: words(report.labelWords, report.label),
        })}{' '}
        <span className="muted">
          {t('report.at', { time: new Date(report.endedAt).toLocaleTimeString(i18n.language) })}
        </span>
      </h4>
      {report.error && <p className="operation-report__error">{report.error}</p>}
      <ol className="operation-report__steps">
        {report.steps.map((step, i) => (
          <li key={i}>{words(report.stepWords?.[i], step)}</li>
        ))}
      </ol>
      {report.probe && (
        <p className="muted">
          {t('report.probe', { ok: report.probe.ok, failed: report.probe.failed })}
        </p>
      )}
    </section>
  )
}
