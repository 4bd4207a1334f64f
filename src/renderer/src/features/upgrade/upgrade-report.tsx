import { useTranslation } from '../../i18n'
import type { UpgradeReport } from '../../../../shared/upgrade'
import { durationWords } from '../shared/time-units'
import { clusterLine, planVerb } from './upgrade-texts'

/**
 * How the last version change went, like the other operation reports: each member's swap (from,
 * to, how long, rolled back), the write probe's failed writes, the snapshot taken first and the
 * cluster version at the end.
 */
export function UpgradeReportView(props: { report: UpgradeReport; onDismiss: () => void }) {
  const { report } = props
  const { plan } = report
  const { t } = useTranslation('upgrade')
  const hasRollback = report.members.some((m) => m.rolledBack)
  const isClean = report.outcome === 'done' && !hasRollback && (report.probe?.failed ?? 0) === 0
  return (
    <section
      className={`operation-report operation-report--${isClean ? 'ok' : 'failed'}`}
      aria-label={t('report.label')}
    >
      <h4>
        {t('report.title', {
          verb: planVerb(plan),
          target: plan.target,
          outcome: t(`report.outcomes.${report.outcome}`),
        })}
        {plan.hops.length > 1 && (
          <span className="muted">
            {t('report.via', { hops: plan.hops.slice(0, -1).join(', ') })}
          </span>
        )}
      </h4>
      {report.members.length > 0 ? (
        <table className="upgrade-swaps" aria-label={t('report.swaps')}>
          <thead>
            <tr>
              <th scope="col">{t('report.member')}</th>
              <th scope="col">{t('report.from')}</th>
              <th scope="col">{t('report.to')}</th>
              <th scope="col">{t('report.took')}</th>
              <th scope="col">{t('report.rolledBack')}</th>
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
                  {m.rolledBack ? t('report.yesRuns', { version: m.from }) : t('report.no')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('report.noSwap')}</p>
      )}
      <ul className="upgrade-report__facts">
        <li>
          {report.probe
            ? t('report.probe', { ok: report.probe.ok, failed: report.probe.failed })
            : t('report.noProbe')}
        </li>
        <li>
          {report.snapshotId
            ? t('report.snapshot', { id: report.snapshotId })
            : t('report.noSnapshot')}
        </li>
        <li>
          {t('report.clusterVersion', {
            version: report.clusterVersion
              ? clusterLine(report.clusterVersion)
              : t('report.notKnown'),
          })}
        </li>
      </ul>
      <button type="button" className="button--small button--quiet" onClick={props.onDismiss}>
        {t('report.dismiss')}
      </button>
    </section>
  )
}
