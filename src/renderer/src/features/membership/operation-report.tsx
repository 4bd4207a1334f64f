import type { OperationReport } from '../../../../shared/cluster'

/** How the last long operation on the cluster went: its steps and the write probe's counts. */
export function OperationReportView(props: { report: OperationReport | null }) {
  const { report } = props
  if (!report) return null
  return (
    <section
      className={`operation-report operation-report--${report.isSuccess ? 'ok' : 'failed'}`}
      aria-label="Last operation"
    >
      <h4>
        {report.label}: {report.isSuccess ? 'done' : 'failed'}{' '}
        <span className="muted">at {new Date(report.endedAt).toLocaleTimeString()}</span>
      </h4>
      {report.error && <p className="operation-report__error">{report.error}</p>}
      <ol className="operation-report__steps">
        {report.steps.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
      {report.probe && (
        <p className="muted">
          Write probe meanwhile: {report.probe.ok} writes ok, {report.probe.failed} failed.
        </p>
      )}
    </section>
  )
}
