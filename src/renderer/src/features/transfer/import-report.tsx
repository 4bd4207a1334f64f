import { useTranslation } from '../../i18n'
import type { ImportReport } from '../../../../shared/transfer'

/** What an import did (or, in a dry run, would do), in one sentence. */
export function ImportReportLine(props: { report: ImportReport }) {
  const r = props.report
  const { t } = useTranslation('transfer')
  const counts = [
    t('report.created', { n: r.created }),
    t('report.updated', { n: r.updated }),
    t('report.unchanged', { n: r.unchanged }),
    t('report.skipped', { n: r.skipped }),
    t('report.conflicts', { count: r.conflicts }),
  ].join(', ')
  const leases =
    r.leasesGranted > 0
      ? t(r.dryRun ? 'report.leasesToGrant' : 'report.leasesGranted', { count: r.leasesGranted })
      : ''
  return (
    <p role="status" aria-label={t('report.label')}>
      {t(r.dryRun ? 'report.dryRun' : 'report.imported', { n: r.total, counts, leases })}
    </p>
  )
}
