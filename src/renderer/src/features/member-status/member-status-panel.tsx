import type { ReactNode } from 'react'
import type { ClusterStatus, ClusterView, MemberStatus } from '../../../../shared/cluster'
import { MemberCardActions } from '../membership/member-card-actions'
import { formatBytes } from '../shared/bytes'
import { EmptyState } from '../shared/empty-state'
import { hasLiveMember, isLiveState } from '../shared/member-state'
import { LeaderMark } from './leader-mark'

/** Health, leadership, raft progress, DB size and version of every member, from pushed status. */
export function MemberStatusPanel(props: {
  cluster: ClusterView
  status: ClusterStatus | null
  newLeader: string | null
  onChanged: (view: ClusterView) => void
}) {
  const { cluster, status } = props
  if (!hasLiveMember(cluster)) {
    return (
      <EmptyState title="The cluster is stopped">
        Click <strong>Start all</strong> to start its members; their health, leader and raft
        progress appear here.
      </EmptyState>
    )
  }
  if (!status)
    return (
      <p className="muted" role="status">
        Waiting for the first status…
      </p>
    )
  return (
    <section aria-labelledby="member-status-title">
      <h3 id="member-status-title">
        Member status{' '}
        <span className="muted">
          {status.healthyCount} of {status.memberCount} healthy · as of{' '}
          {new Date(status.at).toLocaleTimeString()}
        </span>
      </h3>
      <div className="status-grid">
        {cluster.members.map((m) => {
          const s = status.members.find((x) => x.member === m.name)
          return (
            <MemberStatusCard
              key={m.name}
              name={m.name}
              isRunning={isLiveState(m.state)}
              status={s ?? null}
              isNewLeader={props.newLeader === m.name}
            >
              <MemberCardActions
                cluster={cluster}
                member={m}
                status={status}
                onChanged={props.onChanged}
              />
            </MemberStatusCard>
          )
        })}
      </div>
    </section>
  )
}

function MemberStatusCard(props: {
  name: string
  isRunning: boolean
  status: MemberStatus | null
  isNewLeader: boolean
  /** The member's actions, under its facts. */
  children?: ReactNode
}) {
  const { name, status: s } = props
  const health = !props.isRunning
    ? 'not running'
    : !s || s.unreachable
      ? 'unreachable'
      : s.healthy
        ? 'healthy'
        : 'unhealthy'
  return (
    <article
      className={`status-card status-card--${health.replace(' ', '-')}${props.isNewLeader ? ' is-new-leader' : ''}`}
      aria-label={`Status of ${name}`}
    >
      <header className="status-card__head">
        <strong>{name}</strong>
        {s?.isLeader && props.isRunning && <LeaderMark isNew={props.isNewLeader} />}
        {s?.isLearner && <span className="tag">learner</span>}
      </header>
      <dl className="status-card__facts">
        <dt>Health</dt>
        <dd className={`health health--${health.replace(' ', '-')}`}>{health}</dd>
        <dt>Raft term</dt>
        <dd>{s?.raftTerm ?? '—'}</dd>
        <dt>Raft index / applied</dt>
        <dd>
          {s?.raftIndex ?? '—'} / {s?.raftAppliedIndex ?? '—'}
        </dd>
        <dt>DB size</dt>
        <dd>
          {s?.dbSize != null ? formatBytes(s.dbSize) : '—'}
          {s?.dbSizeInUse != null && (
            <span className="muted"> ({formatBytes(s.dbSizeInUse)} in use)</span>
          )}
        </dd>
        <dt>Server version</dt>
        <dd>{s?.version ?? '—'}</dd>
      </dl>
      {props.isRunning && s?.unreachable && <p className="status-card__problem">{s.unreachable}</p>}
      {s && s.errors.length > 0 && <p className="status-card__problem">{s.errors.join('; ')}</p>}
      {props.children}
    </article>
  )
}
