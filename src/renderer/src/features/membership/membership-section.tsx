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
  const [isAdding, setIsAdding] = useState(false)
  const count = voterCount(cluster, status)
  const facts = quorumNow(count)
  const learners = cluster.members.filter((m) => m.isLearner).length
  const blocked = blockedBy(cluster.operation, 'member-add')
  return (
    <section className="membership" aria-labelledby="membership-title">
      <div className="membership__head">
        <h3 id="membership-title">Membership</h3>
        <p className="muted" aria-label="Quorum now">
          {facts.voters} voters ({count.up} up), quorum {facts.quorum}, survives{' '}
          {Math.max(0, facts.tolerates)} {facts.tolerates === 1 ? 'failure' : 'failures'}
          {learners > 0 ? ` · ${learners} learner${learners === 1 ? '' : 's'}` : ''}
        </p>
        <button
          type="button"
          onClick={() => setIsAdding(true)}
          disabled={!hasLiveMember(cluster) || blocked !== null}
          title={blocked ?? (hasLiveMember(cluster) ? undefined : 'Start the cluster first.')}
        >
          Add member
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
