import { useTranslation } from '../../i18n'
import type { ClusterStatus } from '../../../../shared/cluster'

/** A learner's catch-up: its applied index against the leader's (promote succeeds from ~90 %). */
export function LearnerProgress(props: { member: string; status: ClusterStatus | null }) {
  const { status } = props
  const { t } = useTranslation('membership')
  const own = status?.members.find((m) => m.member === props.member)
  const leader = status?.members.find((m) => m.isLeader)
  const applied = Number(own?.raftAppliedIndex ?? NaN)
  const target = Number(leader?.raftAppliedIndex ?? NaN)
  if (!Number.isFinite(applied) || !Number.isFinite(target) || target <= 0) {
    return <p className="muted">{t('learner.waiting')}</p>
  }
  const percent = Math.min(100, Math.floor((applied / target) * 100))
  return (
    <div className="learner-progress">
      <label>
        {t('learner.applied', { applied, target })}
        <progress
          max={100}
          value={percent}
          aria-label={t('learner.aria', { member: props.member })}
          aria-valuetext={`${percent} %`}
        />
      </label>
    </div>
  )
}
