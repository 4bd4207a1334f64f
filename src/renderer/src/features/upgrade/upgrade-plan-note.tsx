import { isEndOfLife, lineOf } from '../../../../shared/etcd-lines'
import type { UpgradeChoices, VersionChangePlan } from '../../../../shared/upgrade'
import { hopsWords, listWords } from './upgrade-texts'
import { distinctVersions, lowestLine, toDownload } from './version-facts'

/** What a plan does to the cluster, in one or two sentences. */
function planSummary(plan: VersionChangePlan, from: string[]): string {
  const fromLine = lowestLine(from) ?? '?'
  const toLine = lineOf(plan.target) ?? plan.target
  const hops = plan.hops.length > 1 ? ` In ${plan.hops.length} hops: ${hopsWords(plan.hops)}.` : ''
  switch (plan.kind) {
    case 'patch':
      return `Patch within the ${toLine} line: members of one line work together, nothing else changes.`
    case 'upgrade':
      return `Upgrade to the next line (${fromLine} → ${toLine}): the cluster keeps running at ${fromLine} until the last member runs ${toLine}, then its cluster version moves to ${toLine}.${hops}`
    case 'downgrade':
      return plan.downgrade === 'next-cluster-version-compatible'
        ? `Downgrade to ${toLine}: each member restarts on etcd ${plan.target} with --next-cluster-version-compatible (authentication stays off).`
        : `Downgrade one line (${fromLine} → ${toLine}) with etcd's downgrade API: etcdctl downgrade validate, then enable (cancel undoes it); then member by member.`
    case 'rollback':
      return `Roll back the half-done upgrade: the members already upgraded go back to etcd ${plan.target}; the cluster version never moved.`
  }
}

/**
 * The plan of an offered version: its kind (patch, upgrade, downgrade, roll back) and method,
 * the downloads it needs, the snapshot taken first, and the order (followers first, the leader
 * last, one member at a time).
 */
export function UpgradePlanNote(props: { choices: UpgradeChoices; plan: VersionChangePlan }) {
  const { choices, plan } = props
  const from = distinctVersions(choices.members.map((m) => m.version))
  const downloads = toDownload(choices, plan.hops)
  return (
    <section className="upgrade-plan" aria-label="Plan">
      <p>
        <strong>
          {listWords(from)} → {plan.target}.
        </strong>{' '}
        {planSummary(plan, from)}
      </p>
      <ol className="upgrade-plan__steps">
        {downloads.length > 0 && (
          <li>
            etcd {listWords(downloads)} {downloads.length === 1 ? 'is' : 'are'} not installed: it is
            downloaded and verified first.
          </li>
        )}
        <li>A snapshot is saved first and kept (restorable from the Maintenance tab).</li>
        <li>
          Then one member at a time, followers first and the leader last (leadership is moved away
          first): stop it, start it on the new binary with the same data and flags for its line,
          wait until it is healthy and caught up with the leader.
        </li>
        <li>The write probe runs throughout; its failed writes are part of the report.</li>
      </ol>
      {isEndOfLife(plan.target) && (
        <p className="field__note">
          etcd {lineOf(plan.target)} is end of life: it gets no more fixes.
        </p>
      )}
    </section>
  )
}
