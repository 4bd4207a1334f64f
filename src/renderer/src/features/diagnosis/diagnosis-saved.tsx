import type { DiagnosisReport } from '../../../../shared/diagnosis'
import { useTranslation } from '../../i18n'
import { formatBytes } from '../shared/bytes'
import { useTransferLinks } from '../transfer/transfer-links'

/**
 * A saved bundle: where it went (the app's save dialog) or its download link (browser mode),
 * how many files it holds, and what could not be collected.
 */
export function DiagnosisSaved(props: { report: DiagnosisReport }) {
  const { t } = useTranslation('diagnosis')
  const links = useTransferLinks()
  const { report } = props
  const size = formatBytes(report.bytes)
  const href = links?.diagnosisHref?.(report.fileName)
  return (
    <div>
      <p role="status">
        {report.path ? (
          <>
            {t('savedTo', { size })} <code className="break">{report.path}</code>
          </>
        ) : (
          <>
            {t('ready', { size })}{' '}
            {href && (
              <a className="button-link" href={href} download={report.fileName}>
                {t('download', { name: report.fileName })}
              </a>
            )}
          </>
        )}{' '}
        <span className="muted">{t('files', { count: report.files.length })}</span>
      </p>
      {report.notes.length > 0 && (
        <details>
          <summary>{t('notes', { count: report.notes.length })}</summary>
          <ul>
            {report.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}
