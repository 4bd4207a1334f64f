import type { ClusterStatus, ClusterView } from '../../../../shared/cluster'
import type { UpgradeReport } from '../../../../shared/upgrade'
import { UpgradeReportView } from '../upgrade/upgrade-report'
import { clusterLine, listWords } from '../upgrade/upgrade-texts'
import { distinctVersions, lowestLine } from '../upgrade/version-facts'

/** Why the members' versions differ and what the cluster runs at; null when they agree. */
function mixedVersionsText(versions: readonly string[], line: string | null): string | null {
  const distinct = distinctVersions(versions)
  if (distinct.length < 2) return null
  const lowest = lowestLine(distinct)
  const runsAt = line ?? lowest ?? '?'
  const lines = new Set(distinct.map((v) => lowestLine([v])))
  const why =
    lines.size > 1
      ? `the cluster runs at ${runsAt}, the lowest — it moves up when the last member is upgraded.`
      : `the cluster runs at ${runsAt}: patch versions of one line work together.`
  return `Members run ${listWords(distinct)}; ${why}`
}

/**
 * The cluster's versions in the Members tab: the cluster version (`/version`'s etcdcluster),
 * why it is the lowest when the members differ, and the report of the last version change.
 */
export function ClusterVersions(props: {
  cluster: ClusterView
  status: ClusterStatus | null
  report: UpgradeReport | null
  onDismissReport: () => void
}) {
  const { cluster, status, report } = props
  const reported = status?.clusterVersion ?? null
  const line = reported ? clusterLine(reported) : null
  const mixed = mixedVersionsText(
    cluster.members.map((m) => m.etcdVersion),
    line,
  )
  return (
    <section className="cluster-versions" aria-labelledby="cluster-versions-title">
      <h3 id="cluster-versions-title" className="sr-only">
        Versions
      </h3>
      <p aria-label="Cluster version">
        Cluster version <strong>{line ?? 'not known'}</strong>
        <span className="muted">
          {reported
            ? ` (etcd's /version reports etcdcluster ${reported})`
            : ' (read from a running member)'}
        </span>
      </p>
      {mixed && (
        <p className="cluster-versions__mixed" role="note" aria-label="Mixed versions">
          {mixed}
        </p>
      )}
      {report && <UpgradeReportView report={report} onDismiss={props.onDismissReport} />}
    </section>
  )
}
