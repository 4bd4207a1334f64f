import { useTranslation } from '../../i18n'
import type { DefragReport } from '../../../../shared/maintenance'
import { formatBytes } from '../shared/bytes'
import { ProbeLine } from './probe-line'

/** Each member's DB size and in-use size before and after its defragmentation, in the order run. */
export function DefragReportTable(props: { report: DefragReport }) {
  const { report } = props
  const moved = report.steps.find((s) => s.leaderMovedTo)
  const { t } = useTranslation('maintenance')
  return (
    <>
      <div className="table-scroll">
        <table className="port-table" aria-label={t('defragReport.label')}>
          <thead>
            <tr>
              <th scope="col">{t('defragReport.order')}</th>
              <th scope="col">{t('defragReport.member')}</th>
              <th scope="col">{t('defragReport.db')}</th>
              <th scope="col">{t('defragReport.inUse')}</th>
              <th scope="col">{t('defragReport.took')}</th>
            </tr>
          </thead>
          <tbody>
            {report.steps.map((s, i) => (
              <tr key={s.member}>
                <td>{i + 1}</td>
                <th scope="row">
                  {s.member}
                  {s.wasLeader && <span className="tag">{t('defragReport.leader')}</span>}
                </th>
                <td>
                  {formatBytes(s.before.dbSize)} → {formatBytes(s.after.dbSize)}
                </td>
                <td>
                  {formatBytes(s.before.dbSizeInUse)} → {formatBytes(s.after.dbSizeInUse)}
                </td>
                <td>{t('defragReport.ms', { ms: s.tookMs })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {moved && (
        <p className="muted">
          {t('defragReport.moved', { from: moved.member, to: moved.leaderMovedTo })}
        </p>
      )}
      <ProbeLine probe={report.probe} />
    </>
  )
}
