import type { ImportReport } from '../../../../shared/transfer'

/** What an import did (or, in a dry run, would do), in one sentence. */
export function ImportReportLine(props: { report: ImportReport }) {
  const r = props.report
  const n = (value: number) => value.toLocaleString()
  const counts = [
    `${n(r.created)} created`,
    `${n(r.updated)} updated`,
    `${n(r.unchanged)} unchanged`,
    `${n(r.skipped)} skipped`,
    `${n(r.conflicts)} ${r.conflicts === 1 ? 'conflict' : 'conflicts'}`,
  ].join(', ')
  const leases =
    r.leasesGranted > 0
      ? `; ${n(r.leasesGranted)} ${r.leasesGranted === 1 ? 'lease' : 'leases'} ${r.dryRun ? 'to grant' : 'granted'}`
      : ''
  return (
    <p role="status" aria-label="Import report">
      {r.dryRun
        ? `Dry run of ${n(r.total)} keys, nothing written: `
        : `Imported ${n(r.total)} keys: `}
      {counts}
      {leases}.
    </p>
  )
}
