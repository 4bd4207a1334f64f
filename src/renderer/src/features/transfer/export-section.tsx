import { useTranslation } from '../../i18n'
import { useId, useState, type FormEvent } from 'react'
import type { ExportReport } from '../../../../shared/transfer'
import { BusyButton } from '../shared/busy-button'
import { encodeText, formatBytes, requestBytes } from '../shared/bytes'
import { ErrorMessage } from '../shared/error-message'
import { TransferProgressBar } from './transfer-progress'
import { useTransfer } from './use-transfer'
import { useTransferLinks } from './transfer-links'

/**
 * Export: every key under a prefix (or all) at one revision into a JSON Lines file, with lease
 * TTLs and revisions on request; progress and Cancel while it runs; then a download link
 * (browser mode) or where it was saved (the app's save dialog).
 */
export function ExportSection(props: { cluster: string }) {
  const ids = useId()
  const { t } = useTranslation('transfer')
  const links = useTransferLinks()
  const [prefix, setPrefix] = useState('')
  const [withLeases, setWithLeases] = useState(false)
  const [withRevisions, setWithRevisions] = useState(false)
  const [report, setReport] = useState<ExportReport | null>(null)
  const exporting = useTransfer('transfer:export')
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setReport(null)
    const value = await exporting.start({
      cluster: props.cluster,
      prefix: requestBytes(encodeText(prefix)),
      withLeases,
      withRevisions,
    })
    if (value) setReport(value)
  }
  return (
    <section className="maintenance-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('export.title')}</h3>
      <p className="muted">{t('export.about')}</p>
      <form className="toolbar" onSubmit={(e) => void onSubmit(e)}>
        <label htmlFor={`${ids}-prefix`}>{t('export.prefix')}</label>
        <input
          id={`${ids}-prefix`}
          value={prefix}
          placeholder={t('export.prefixPlaceholder')}
          onChange={(e) => setPrefix(e.target.value)}
        />
        <label>
          <input
            type="checkbox"
            checked={withLeases}
            onChange={(e) => setWithLeases(e.target.checked)}
          />{' '}
          {t('export.leases')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={withRevisions}
            onChange={(e) => setWithRevisions(e.target.checked)}
          />{' '}
          {t('export.revisions')}
        </label>
        <BusyButton type="submit" className="button--primary" isBusy={exporting.isRunning}>
          {t('export.export')}
        </BusyButton>
      </form>
      {exporting.isRunning && (
        <TransferProgressBar
          label={t('export.progress')}
          progress={exporting.progress}
          onCancel={exporting.cancel}
        />
      )}
      {report && (
        <p role="status">
          {t(report.path ? 'export.doneTo' : 'export.done', {
            keys: report.keys,
            revision: report.revision,
            size: formatBytes(report.bytes),
          })}
          {report.path ? (
            <code className="break">{report.path}</code>
          ) : (
            links && (
              <a
                className="button-link"
                href={links.exportHref(report.fileName)}
                download={report.fileName}
                aria-label={t('export.downloadLabel', { file: report.fileName })}
              >
                {t('export.download', { file: report.fileName })}
              </a>
            )
          )}
        </p>
      )}
      {exporting.error && (
        <ErrorMessage
          error={exporting.error}
          context={t('export.failed')}
          onDismiss={exporting.clearError}
        />
      )}
    </section>
  )
}
