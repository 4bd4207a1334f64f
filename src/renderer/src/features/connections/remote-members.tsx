import type { TFunction } from 'i18next'
import type { ClusterStatus, LeaderChange } from '../../../../shared/cluster'
import { useTranslation } from '../../i18n'
import { clockTime } from '../member-status/election-timeline'
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
  const { t } = useTranslation('connections')
  return (
    <section aria-labelledby="remote-members-title">
      <h3 id="remote-members-title">{t('members.title')}</h3>
      <p className="muted">{t('members.intro')}</p>
      {!status && <p className="muted">{t('members.reading')}</p>}
      {status && (
        <div className="table-scroll">
          <table className="port-table" aria-label={t('members.table')}>
            <thead>
              <tr>
                <th scope="col">{t('members.member')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">{t('members.term')}</th>
                <th scope="col">{t('members.raftIndex')}</th>
                <th scope="col">{t('members.applied')}</th>
                <th scope="col">{t('members.dbSize')}</th>
                <th scope="col">{t('members.inUse')}</th>
                <th scope="col">{t('members.version')}</th>
                <th scope="col">{t('members.alarms')}</th>
              </tr>
            </thead>
            <tbody>
              {status.members.map((m) => (
                <tr key={m.member}>
                  <th scope="row">{m.member}</th>
                  <td>{roleOf(m, t)}</td>
                  <td>{m.raftTerm ?? '—'}</td>
                  <td>{m.raftIndex ?? '—'}</td>
                  <td>{m.raftAppliedIndex ?? '—'}</td>
                  <td>{m.dbSize === null ? '—' : formatBytes(m.dbSize)}</td>
                  <td>{m.dbSizeInUse === null ? '—' : formatBytes(m.dbSizeInUse)}</td>
                  <td>{m.version ?? '—'}</td>
                  <td className="break">
                    {m.unreachable ?? (m.errors.join(', ') || t('members.none'))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.leaderChanges.length > 0 && (
        <>
          <h4>{t('members.elections')}</h4>
          <ul aria-label={t('members.leaderChanges')}>
            {props.leaderChanges.map((c) => (
              <li key={`${c.at}-${c.to}`}>
                {clockTime(c.at)}: {c.from ?? t('members.noLeader')} →{' '}
                {c.to ?? t('members.noLeader')}
                {c.term ? t('members.termOf', { term: c.term }) : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

/** A member's role in words: unreachable, leader, learner or follower. */
function roleOf(m: ClusterStatus['members'][number], t: TFunction<'connections'>): string {
  if (m.unreachable) return t('members.roles.unreachable')
  if (m.isLeader) return t('members.roles.leader')
  return t(m.isLearner ? 'members.roles.learner' : 'members.roles.follower')
}
