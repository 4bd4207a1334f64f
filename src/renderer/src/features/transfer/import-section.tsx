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
      <h3 id={`${ids}-title`}>Import</h3>
      <p className="muted">
        Reads an export file in batches: nothing is written before you choose and confirm.
      </p>
      <ImportFilePicker onPicked={onPicked} />
      {file && (
        <p aria-label="Import file">
          <strong>{file.name}</strong>: {file.header.count.toLocaleString()} keys exported from
          cluster <strong>{file.header.cluster}</strong> at revision {file.header.revision}
          {prefix ? ` (prefix ${prefix})` : ' (every key)'}.
        </p>
      )}
      {previewing.isRunning && (
        <TransferProgressBar
          label="Preview progress"
          progress={previewing.progress}
          onCancel={previewing.cancel}
        />
      )}
      {previewing.error && (
        <ErrorMessage
          error={previewing.error}
          context="Could not preview the import"
          onDismiss={previewing.clearError}
        />
      )}
      {file && preview && (
        <>
          <dl className="key-meta" aria-label="Import preview">
            <dt>New</dt>
            <dd>{preview.created.toLocaleString()}</dd>
            <dt>Changed</dt>
            <dd>{preview.changed.toLocaleString()}</dd>
            <dt>Unchanged</dt>
            <dd>{preview.unchanged.toLocaleString()}</dd>
          </dl>
          <p className="muted">
            Counted against {cluster} at revision {preview.revision}
            {preview.withLease > 0
              ? `; ${preview.withLease} ${preview.withLease === 1 ? 'key carries' : 'keys carry'} a lease TTL`
              : ''}
            .
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
              {isDryRun ? 'Dry run' : 'Import'}
            </BusyButton>
            <button
              type="button"
              disabled={previewing.isRunning}
              onClick={() => void runPreview(file)}
            >
              Preview again
            </button>
          </div>
        </>
      )}
      {importing.isRunning && (
        <TransferProgressBar
          label="Import progress"
          progress={importing.progress}
          onCancel={importing.cancel}
        />
      )}
      {report && <ImportReportLine report={report} />}
      {importing.error && (
        <ErrorMessage
          error={importing.error}
          context="Could not import"
          onDismiss={importing.clearError}
        />
      )}
      {isConfirming && preview && (
        <ConfirmDialog
          title={`Import into ${cluster}?`}
          confirmLabel="Import keys"
          onConfirm={() => void runImport()}
          onCancel={() => setConfirming(false)}
        >
          <p>
            {preview.created.toLocaleString()} new keys are written to cluster{' '}
            <strong>{cluster}</strong>; of the {preview.changed.toLocaleString()} keys it holds with
            another value, {existingSentence(existing)}
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}
