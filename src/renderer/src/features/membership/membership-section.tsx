import { useTranslation } from '../../i18n'
import { useState } from 'react'
import type { ClusterStatus, ClusterView } from '../../../../shared/cluster'
import { blockedBy } from '../clusters/operation'
import { hasLiveMember } from '../shared/member-state'
import { AddMemberDialog } from './add-member-dialog'
import { quorumNow, voterCount } from './membership-facts'
import { OperationReportView } from './operation-report'

/** The cluster's voting strength, "Add member", and how the last long operation went. */
export function MembershipSection(props: {
  cluster: ClusterView
  status: ClusterStatus | null
  onChanged: (view: ClusterView) => void
}) {
  const { cluster, status } = props
  const { t } = useTranslation('membership')
  const [isAdding, setIsAdding] = useState(false)
  const count = voterCount(cluster, status)
  const facts = quorumNow(count)
  const learners = cluster.members.filter((m) => m.isLearner).length
  const blocked = blockedBy(cluster.operation, 'member-add')
  return (
    <section className="membership" aria-labelledby="membership-title">
      <div className="membership__head">
        <h3 id="membership-title">{t('section.title')}</h3>
        <p className="muted" aria-label={t('section.quorumLabel')}>
          {t('section.quorum', {
            voters: facts.voters,
            up: count.up,
            quorum: facts.quorum,
            failures: t('section.failures', { count: Math.max(0, facts.tolerates) }),
          })}
          {learners > 0 ? t('section.learners', { count: learners }) : ''}
        </p>
        <button
          type="button"
          onClick={() => setIsAdding(true)}
          disabled={!hasLiveMember(cluster) || blocked !== null}
          title={blocked ?? (hasLiveMember(cluster) ? undefined : t('section.startFirst'))}
        >
          {t('section.add')}
        </button>
      </div>
      <OperationReportView report={cluster.lastOperation} />
      {isAdding && (
        <AddMemberDialog
          cluster={cluster}
          status={status}
          onClose={() => setIsAdding(false)}
          onAdded={(view) => {
            setIsAdding(false)
            props.onChanged(view)
          }}
        />
      )}
    </section>
  )
}
