import type { DefragReport } from '../../../../shared/maintenance'
import { formatBytes } from '../shared/bytes'
import { ProbeLine } from './probe-line'

/** Each member's DB size and in-use size before and after its defragmentation, in the order run. */
export function DefragReportTable(props: { report: DefragReport }) {
  const { report } = props
  const moved = report.steps.find((s) => s.leaderMovedTo)
  return (
    <>
      <div className="table-scroll">
        <table className="port-table" aria-label="Defragmentation report">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Member</th>
              <th scope="col">DB size before → after</th>
              <th scope="col">In use before → after</th>
              <th scope="col">Took</th>
            </tr>
          </thead>
          <tbody>
            {report.steps.map((s, i) => (
              <tr key={s.member}>
                <td>{i + 1}</td>
                <th scope="row">
                  {s.member}
                  {s.wasLeader && <span className="tag">leader</span>}
                </th>
                <td>
                  {formatBytes(s.before.dbSize)} → {formatBytes(s.after.dbSize)}
                </td>
                <td>
                  {formatBytes(s.before.dbSizeInUse)} → {formatBytes(s.after.dbSizeInUse)}
                </td>
                <td>{s.tookMs} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {moved && (
        <p className="muted">
          Leadership moved from {moved.member} to {moved.leaderMovedTo} before {moved.member} was
          defragmented, so writes did not wait for the leader.
        </p>
      )}
      <ProbeLine probe={report.probe} />
    </>
  )
}
