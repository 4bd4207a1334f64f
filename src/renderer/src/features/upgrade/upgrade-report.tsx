import type { UpgradeReport } from '../../../../shared/upgrade'
import { clusterLine, durationWords, planVerb } from './upgrade-texts'

const OUTCOME_WORDS: Record<UpgradeReport['outcome'], string> = {
  done: 'done',
  paused: 'paused',
  aborted: 'aborted',
}

/**
 * How the last version change went, like the other operation reports: each member's swap (from,
 * to, how long, rolled back), the write probe's failed writes, the snapshot taken first and the
 * cluster version at the end.
 */
export function UpgradeReportView(props: { report: UpgradeReport; onDismiss: () => void }) {
  const { report } = props
  const { plan } = report
  const hasRollback = report.members.some((m) => m.rolledBack)
  const isClean = report.outcome === 'done' && !hasRollback && (report.probe?.failed ?? 0) === 0
  return (
    <section
      className={`operation-report operation-report--${isClean ? 'ok' : 'failed'}`}
      aria-label="Upgrade report"
    >
      <h4>
        {planVerb(plan)} to etcd {plan.target}: {OUTCOME_WORDS[report.outcome]}
        {plan.hops.length > 1 && (
          <span className="muted"> (via {plan.hops.slice(0, -1).join(', ')})</span>
        )}
      </h4>
      {report.members.length > 0 ? (
        <table className="upgrade-swaps" aria-label="Member swaps">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Took</th>
              <th scope="col">Rolled back</th>
            </tr>
          </thead>
          <tbody>
            {report.members.map((m, i) => (
              <tr key={`${m.member}-${i}`}>
                <th scope="row">{m.member}</th>
                <td className="mono">{m.from}</td>
                <td className="mono">{m.to}</td>
                <td>{durationWords(m.tookMs)}</td>
                <td className={m.rolledBack ? 'upgrade-swaps__rolled-back' : undefined}>
                  {m.rolledBack ? `yes, runs ${m.from} again` : 'no'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No member was swapped.</p>
      )}
      <ul className="upgrade-report__facts">
        <li>
          {report.probe
            ? `Write probe meanwhile: ${report.probe.ok} writes ok, ${report.probe.failed} failed.`
            : 'The write probe did not run.'}
        </li>
        <li>
          {report.snapshotId
            ? `Snapshot saved first: ${report.snapshotId} (restorable from the Maintenance tab).`
            : 'No snapshot was saved.'}
        </li>
        <li>
          Cluster version at the end:{' '}
          {report.clusterVersion ? clusterLine(report.clusterVersion) : 'not known'}.
        </li>
      </ul>
      <button type="button" className="button--small button--quiet" onClick={props.onDismiss}>
        Dismiss report
      </button>
    </section>
  )
}
