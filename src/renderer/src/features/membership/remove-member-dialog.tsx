import { useTranslation } from '../../i18n'
import { useEngineWords } from '../../i18n/engine-words'
import { useState } from 'react'
import type { ClusterStatus, ClusterView, MemberView } from '../../../../shared/cluster'
import { useApi } from '../shared/api-context'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { useAction } from '../shared/use-action'
import { quorumAfterRemove, voterCount } from './membership-facts'
import { QuorumNote } from './quorum-note'

/** Asks before removing a member: the quorum before and after, and whether to keep its data. */
export function RemoveMemberDialog(props: {
  cluster: ClusterView
  member: MemberView
  status: ClusterStatus | null
  onClose: () => void
  onRemoved: (view: ClusterView) => void
}) {
  const { cluster, member, status } = props
  const api = useApi()
  const { t } = useTranslation('membership')
  const words = useEngineWords()
  const [keepData, setKeepData] = useState(false)
  const remove = useAction(() =>
    api.request('member:remove', {
      cluster: cluster.definition.name,
      member: member.name,
      keepData,
    }),
  )
  const isUp = status?.members.some((s) => s.member === member.name && s.healthy) ?? false
  const change = quorumAfterRemove(voterCount(cluster, status), !member.isLearner, isUp)
  const isLeader = status?.leaderName === member.name
  const confirm = async () => {
    const result = await remove.run()
    if (result.ok) props.onRemoved(result.value)
  }
  return (
    <ConfirmDialog
      title={t('remove.title', { member: member.name, cluster: cluster.definition.name })}
      confirmLabel={t('remove.confirm')}
      onConfirm={() => void confirm()}
      onCancel={props.onClose}
      isBusy={remove.isBusy}
      isConfirmDisabled={change.losesQuorum}
      error={remove.error}
    >
      <QuorumNote change={change} />
      {isLeader && <p>{t('remove.leads', { member: member.name })}</p>}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={keepData}
          disabled={remove.isBusy}
          onChange={(e) => setKeepData(e.target.checked)}
        />
        {t('remove.keepData')}
      </label>
      {remove.isBusy && cluster.operation?.step && (
        <p className="muted" role="status" aria-label={t('remove.progress')}>
          {words(cluster.operation.stepWords, cluster.operation.step)}
        </p>
      )}
    </ConfirmDialog>
  )
}
