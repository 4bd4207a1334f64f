import { Trans, useTranslation } from '../../i18n'
import { useId, useState } from 'react'
import type {
  ExistingKeys,
  ImportFileView,
  ImportPreview,
  ImportReport,
} from '../../../../shared/transfer'
import { decodeBase64 } from '../../../../shared/base64'
import { BusyButton } from '../shared/busy-button'
import { displayBytes } from '../shared/bytes'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { ErrorMessage } from '../shared/error-message'
import { ImportChoices, existingSentence } from './import-choices'
import { ImportFilePicker } from './import-file-picker'
import { ImportReportLine } from './import-report'
import { TransferProgressBar } from './transfer-progress'
import { useTransfer } from './use-transfer'

/**
 * Import: pick a file, see what it would do (new / changed / unchanged, counted at one revision),
 * choose what happens to changed keys (skip, overwrite, compare-and-swap) and whether to only
 * count (dry run), then import — asked first, naming the cluster, when it writes.
 */
export function ImportSection(props: { cluster: string }) {
  const { cluster } = props
  const ids = useId()
  const { t, i18n } = useTranslation('transfer')
  const [file, setFile] = useState<ImportFileView | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [existing, setExisting] = useState<ExistingKeys>('skip')
  const [isDryRun, setDryRun] = useState(false)
  const [attachLeases, setAttachLeases] = useState(true)
  const [report, setReport] = useState<ImportReport | null>(null)
  const [isConfirming, setConfirming] = useState(false)
  const previewing = useTransfer('transfer:preview')
  const importing = useTransfer('transfer:import')
  const runPreview = async (picked: ImportFileView) => {
    setPreview(null)
    setReport(null)
    const value = await previewing.start({ cluster, fileId: picked.fileId })
    if (value) setPreview(value)
  }
  const onPicked = (picked: ImportFileView) => {
    setFile(picked)
    void runPreview(picked)
  }
  const runImport = async () => {
    if (!file || !preview) return
    setConfirming(false)
    setReport(null)
    const value = await importing.start({
      cluster,
      fileId: file.fileId,
      existing,
      dryRun: isDryRun,
      previewRevision: preview.revision,
      attachLeases,
    })
    if (value) setReport(value)
  }
  const prefix = file ? displayBytes(decodeBase64(file.header.prefix), 80) : ''
  return (
    <section className="maintenance-section" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('import.title')}</h3>
      <p className="muted">{t('import.about')}</p>
      <ImportFilePicker onPicked={onPicked} />
      {file && (
        <p aria-label={t('import.fileLabel')}>
          <Trans
            t={t}
            i18nKey={prefix ? 'import.file' : 'import.fileAll'}
            values={{
              name: file.name,
              count: file.header.count,
              cluster: file.header.cluster,
              revision: file.header.revision,
              prefix,
            }}
            components={{ strong: <strong /> }}
          />
        </p>
      )}
      {previewing.isRunning && (
        <TransferProgressBar
          label={t('import.previewProgress')}
          progress={previewing.progress}
          onCancel={previewing.cancel}
        />
      )}
      {previewing.error && (
        <ErrorMessage
          error={previewing.error}
          context={t('import.previewFailed')}
          onDismiss={previewing.clearError}
        />
      )}
      {file && preview && (
        <>
          <dl className="key-meta" aria-label={t('import.previewLabel')}>
            <dt>{t('import.new')}</dt>
            <dd>{preview.created.toLocaleString(i18n.language)}</dd>
            <dt>{t('import.changed')}</dt>
            <dd>{preview.changed.toLocaleString(i18n.language)}</dd>
            <dt>{t('import.unchanged')}</dt>
            <dd>{preview.unchanged.toLocaleString(i18n.language)}</dd>
          </dl>
          <p className="muted">
            {preview.withLease > 0
              ? t('import.countedLeases', {
                  cluster,
                  revision: preview.revision,
                  count: preview.withLease,
                })
              : t('import.counted', { cluster, revision: preview.revision })}
          </p>
          <ImportChoices
            existing={existing}
            onExisting={setExisting}
            isDryRun={isDryRun}
            onDryRun={setDryRun}
            hasLeases={preview.withLease > 0}
            attachLeases={attachLeases}
            onAttachLeases={setAttachLeases}
          />
          <div className="button-row">
            <BusyButton
              className="button--primary"
              isBusy={importing.isRunning}
              onClick={() => (isDryRun ? void runImport() : setConfirming(true))}
            >
              {isDryRun ? t('import.dryRun') : t('import.import')}
            </BusyButton>
            <button
              type="button"
              disabled={previewing.isRunning}
              onClick={() => void runPreview(file)}
            >
              {t('import.previewAgain')}
            </button>
          </div>
        </>
      )}
      {importing.isRunning && (
        <TransferProgressBar
          label={t('import.progress')}
          progress={importing.progress}
          onCancel={importing.cancel}
        />
      )}
      {report && <ImportReportLine report={report} />}
      {importing.error && (
        <ErrorMessage
          error={importing.error}
          context={t('import.failed')}
          onDismiss={importing.clearError}
        />
      )}
      {isConfirming && preview && (
        <ConfirmDialog
          title={t('import.confirmTitle', { cluster })}
          confirmLabel={t('import.confirm')}
          onConfirm={() => void runImport()}
          onCancel={() => setConfirming(false)}
        >
          <p>
            <Trans
              t={t}
              i18nKey="import.confirmBody"
              values={{
                created: preview.created,
                cluster,
                changed: preview.changed,
                existing: existingSentence(existing, t),
              }}
              components={{ strong: <strong /> }}
            />
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}
