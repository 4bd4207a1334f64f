import type { ReactNode } from 'react'
import type { ClusterStatus, ClusterView, MemberStatus } from '../../../../shared/cluster'
import { i18n, Trans, useTranslation } from '../../i18n'
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
  const { t } = useTranslation('member-status')
  if (!hasLiveMember(cluster)) {
    return (
      <EmptyState title={t('status.stoppedTitle')}>
        <Trans t={t} i18nKey="status.stoppedBody" components={{ strong: <strong /> }} />
      </EmptyState>
    )
  }
  if (!status)
    return (
      <p className="muted" role="status">
        {t('status.waiting')}
      </p>
    )
  return (
    <section aria-labelledby="member-status-title">
      <h3 id="member-status-title">
        {t('status.title')}{' '}
        <span className="muted">
          {t('status.summary', {
            healthy: status.healthyCount,
            total: status.memberCount,
            time: new Date(status.at).toLocaleTimeString(i18n.language),
          })}
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
  const { t } = useTranslation('member-status')
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
      aria-label={t('status.cardLabel', { name })}
    >
      <header className="status-card__head">
        <strong>{name}</strong>
        {s?.isLeader && props.isRunning && <LeaderMark isNew={props.isNewLeader} />}
        {s?.isLearner && <span className="tag">{t('status.learner')}</span>}
      </header>
      <dl className="status-card__facts">
        <dt>{t('status.health')}</dt>
        <dd className={`health health--${health.replace(' ', '-')}`}>
          {t(`status.healthStates.${health}`)}
        </dd>
        <dt>{t('status.raftTerm')}</dt>
        <dd>{s?.raftTerm ?? '—'}</dd>
        <dt>{t('status.raftIndex')}</dt>
        <dd>
          {s?.raftIndex ?? '—'} / {s?.raftAppliedIndex ?? '—'}
        </dd>
        <dt>{t('status.dbSize')}</dt>
        <dd>
          {s?.dbSize != null ? formatBytes(s.dbSize) : '—'}
          {s?.dbSizeInUse != null && (
            <span className="muted">{t('status.inUse', { size: formatBytes(s.dbSizeInUse) })}</span>
          )}
        </dd>
        <dt>{t('status.serverVersion')}</dt>
        <dd>{s?.version ?? '—'}</dd>
      </dl>
      {props.isRunning && s?.unreachable && <p className="status-card__problem">{s.unreachable}</p>}
      {s && s.errors.length > 0 && <p className="status-card__problem">{s.errors.join('; ')}</p>}
      {props.children}
    </article>
  )
}
