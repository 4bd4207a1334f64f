import type { ClusterStatus, ClusterView } from '../../../../shared/cluster'
import type { TFunction } from 'i18next'
import type { UpgradeReport } from '../../../../shared/upgrade'
import { Trans, useTranslation } from '../../i18n'
import { UpgradeReportView } from '../upgrade/upgrade-report'
import { clusterLine, listWords } from '../upgrade/upgrade-texts'
import { distinctVersions, lowestLine } from '../upgrade/version-facts'

/** Why the members' versions differ and what the cluster runs at; null when they agree. */
function mixedVersionsText(
  versions: readonly string[],
  line: string | null,
  t: TFunction<'member-status'>,
): string | null {
  const distinct = distinctVersions(versions)
  if (distinct.length < 2) return null
  const lowest = lowestLine(distinct)
  const runsAt = line ?? lowest ?? '?'
  const lines = new Set(distinct.map((v) => lowestLine([v])))
  const why =
    lines.size > 1
      ? t('versions.whyLines', { line: runsAt })
      : t('versions.whyPatch', { line: runsAt })
  return t('versions.mixed', { versions: listWords(distinct), why })
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
  const { t } = useTranslation('member-status')
  const reported = status?.clusterVersion ?? null
  const line = reported ? clusterLine(reported) : null
  const mixed = mixedVersionsText(
    cluster.members.map((m) => m.etcdVersion),
    line,
    t,
  )
  return (
    <section className="cluster-versions" aria-labelledby="cluster-versions-title">
      <h3 id="cluster-versions-title" className="sr-only">
        {t('versions.title')}
      </h3>
      <p aria-label={t('versions.label')}>
        <Trans
          t={t}
          i18nKey="versions.clusterVersion"
          values={{ line: line ?? t('versions.notKnown') }}
          components={{ strong: <strong /> }}
        />
        <span className="muted">
          {reported ? t('versions.reported', { version: reported }) : t('versions.fromRunning')}
        </span>
      </p>
      {mixed && (
        <p className="cluster-versions__mixed" role="note" aria-label={t('versions.mixedLabel')}>
          {mixed}
        </p>
      )}
      {report && <UpgradeReportView report={report} onDismiss={props.onDismissReport} />}
    </section>
  )
}
