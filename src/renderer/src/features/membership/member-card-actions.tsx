import { useTranslation } from '../../i18n'
import { useState } from 'react'
import type { ClusterStatus, ClusterView, MemberView } from '../../../../shared/cluster'
import { blockedBy, type ClusterAction } from '../clusters/operation'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { LearnerProgress } from './learner-progress'
import { RemoveMemberDialog } from './remove-member-dialog'
import { useMemberRequest, type MemberRequest } from './use-member-request'

const ACTION_OF: Record<MemberRequest, ClusterAction> = {
  'member:promote': 'member-promote',
  'member:pause': 'member-pause',
  'member:resume': 'member-resume',
  'member:make-leader': 'member-make-leader',
}

/** A member's membership and fault actions, under its status card. */
export function MemberCardActions(props: {
  cluster: ClusterView
  member: MemberView
  status: ClusterStatus | null
  onChanged: (view: ClusterView) => void
}) {
  const { cluster, member, status } = props
  const name = member.name
  const { t } = useTranslation('membership')
  const request = useMemberRequest(cluster.definition.name, name, props.onChanged)
  const [isRemoving, setIsRemoving] = useState(false)
  const isLeader = status?.leaderName === name
  const button = (channel: MemberRequest, label: string, isShown: boolean) => {
    if (!isShown) return null
    const blocked = blockedBy(cluster.operation, ACTION_OF[channel])
    return (
      <BusyButton
        className="button--small"
        aria-label={t('card.actionOf', { action: label, member: name })}
        title={blocked ?? undefined}
        isBusy={request.busy === channel}
        disabled={request.busy !== null || blocked !== null}
        onClick={() => void request.run(channel)}
      >
        {label}
      </BusyButton>
    )
  }
  return (
    <div className="member-card-actions">
      {member.isLearner && member.state === 'running' && (
        <LearnerProgress member={name} status={status} />
      )}
      <div className="button-row button-row--tight">
        {button(
          'member:promote',
          t('card.promote'),
          member.isLearner && member.state === 'running',
        )}
        {button(
          'member:make-leader',
          t('card.makeLeader'),
          !member.isLearner && member.state === 'running' && !isLeader,
        )}
        {button('member:pause', t('card.pause'), member.state === 'running')}
        {button('member:resume', t('card.resume'), member.state === 'paused')}
        <button
          type="button"
          className="button--small button--danger-quiet"
          aria-label={t('card.removeOf', { member: name })}
          disabled={request.busy !== null || blockedBy(cluster.operation, 'member-remove') !== null}
          onClick={() => setIsRemoving(true)}
        >
          {t('card.remove')}
        </button>
      </div>
      {request.error && (
        <ErrorMessage error={request.error} context={`${name}`} onDismiss={request.dismiss} />
      )}
      {isRemoving && (
        <RemoveMemberDialog
          cluster={cluster}
          member={member}
          status={status}
          onClose={() => setIsRemoving(false)}
          onRemoved={(view) => {
            setIsRemoving(false)
            props.onChanged(view)
          }}
        />
      )}
    </div>
  )
}
