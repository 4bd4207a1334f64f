import type { ExportFileView } from '../../../../shared/cluster-export/export-types'
import { useTranslation } from '../../i18n'
import { CopyButton } from '../shared/copy-button'

/** The text files of one export format, each with its path, a Copy button and its text. */
export function ExportFileList(props: { files: ExportFileView[] }) {
  const { t } = useTranslation('clusterExport')
  return (
    <>
      {props.files.map((file) =>
        file.text === null ? null : (
          <div key={file.path} className="command">
            <div className="command__head">
              <code>{file.path}</code>
              <CopyButton text={file.text} label={t('copy', { path: file.path })} />
            </div>
            <pre className="command__text export-file__text" aria-label={file.path}>
              {file.text}
            </pre>
          </div>
        ),
      )}
    </>
  )
}

/** The certificate files an export copies (by path: keys never reach the window). */
export function TlsFileList(props: { files: ExportFileView[] }) {
  const { t } = useTranslation('clusterExport')
  const tls = props.files.filter((f) => f.kind === 'tls')
  if (tls.length === 0) return null
  return (
    <details className="export-tls">
      <summary>{t('tlsFiles', { count: tls.length })}</summary>
      <ul>
        {tls.map((f) => (
          <li key={f.path}>
            <code>{f.path}</code>
          </li>
        ))}
      </ul>
    </details>
  )
}
