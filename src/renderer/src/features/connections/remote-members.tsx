import type { ClusterStatus, LeaderChange } from '../../../../shared/cluster'
import { formatBytes } from '../shared/bytes'

/**
 * A connected cluster's members, each as its own client URL answers (not only the endpoint the
 * user typed): leader, term, raft and applied index, DB size and in use, version, learner,
 * alarms or errors; and the election timeline.
 */
export function RemoteMembers(props: {
  status: ClusterStatus | null
  leaderChanges: LeaderChange[]
}) {
  const { status } = props
  return (
    <section aria-labelledby="remote-members-title">
      <h3 id="remote-members-title">Members</h3>
      <p className="muted">
        etcd Desk does not run this cluster&apos;s members, so their ports, process logs, start and
        stop are not here: only what each member answers over its client URL.
      </p>
      {!status && <p className="muted">Reading every member…</p>}
      {status && (
        <div className="table-scroll">
          <table className="port-table" aria-label="Members of the connected cluster">
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Role</th>
                <th scope="col">Term</th>
                <th scope="col">Raft index</th>
                <th scope="col">Applied</th>
                <th scope="col">DB size</th>
                <th scope="col">In use</th>
                <th scope="col">Version</th>
                <th scope="col">Alarms and errors</th>
              </tr>
            </thead>
            <tbody>
              {status.members.map((m) => (
                <tr key={m.member}>
                  <th scope="row">{m.member}</th>
                  <td>{roleOf(m)}</td>
                  <td>{m.raftTerm ?? '—'}</td>
                  <td>{m.raftIndex ?? '—'}</td>
                  <td>{m.raftAppliedIndex ?? '—'}</td>
                  <td>{m.dbSize === null ? '—' : formatBytes(m.dbSize)}</td>
                  <td>{m.dbSizeInUse === null ? '—' : formatBytes(m.dbSizeInUse)}</td>
                  <td>{m.version ?? '—'}</td>
                  <td className="break">{m.unreachable ?? (m.errors.join(', ') || 'none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.leaderChanges.length > 0 && (
        <>
          <h4>Elections seen</h4>
          <ul aria-label="Leader changes">
            {props.leaderChanges.map((c) => (
              <li key={`${c.at}-${c.to}`}>
                {new Date(c.at).toLocaleTimeString()}: {c.from ?? 'no leader'} →{' '}
                {c.to ?? 'no leader'}
                {c.term ? ` (term ${c.term})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

function roleOf(m: ClusterStatus['members'][number]): string {
  if (m.unreachable) return 'unreachable'
  if (m.isLeader) return 'leader'
  return m.isLearner ? 'learner' : 'follower'
}
