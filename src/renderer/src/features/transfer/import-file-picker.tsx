import { useTranslation } from '../../i18n'
import { useId } from 'react'
import type { ImportFileView } from '../../../../shared/transfer'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { useAction } from '../shared/use-action'
import { useTransferLinks, type TransferLinks } from './transfer-links'

/**
 * Picks the file to import: an upload in browser mode (the browser streams it; the server bounds
 * it), the app's open dialog otherwise. Either way the window only gets the engine's handle.
 */
export function ImportFilePicker(props: { onPicked: (file: ImportFileView) => void }) {
  const api = useApi()
  const ids = useId()
  const { t } = useTranslation('transfer')
  const links = useTransferLinks()
  const upload = useAction((file: File, send: TransferLinks['upload']) => send(file))
  const choose = useAction(() => api.request('transfer:choose-import', {}))
  const error = upload.error ?? choose.error
  const onUpload = async (file: File | undefined) => {
    if (!file || !links) return
    const result = await upload.run(file, links.upload)
    if (result.ok) props.onPicked(result.value)
  }
  const onChoose = async () => {
    const result = await choose.run()
    if (result.ok && result.value) props.onPicked(result.value)
  }
  return (
    <>
      <div className="toolbar">
        {links ? (
          <>
            <label htmlFor={`${ids}-file`}>{t('picker.file')}</label>
            <input
              id={`${ids}-file`}
              type="file"
              accept=".jsonl,application/jsonl,application/x-ndjson"
              disabled={upload.isBusy}
              onChange={(e) => void onUpload(e.target.files?.[0])}
            />
            {upload.isBusy && (
              <span className="muted" role="status">
                {t('picker.uploading')}
              </span>
            )}
          </>
        ) : (
          <BusyButton isBusy={choose.isBusy} onClick={() => void onChoose()}>
            {t('picker.choose')}
          </BusyButton>
        )}
      </div>
      {error && (
        <ErrorMessage
          error={error}
          context={t('picker.failed')}
          onDismiss={() => {
            upload.clearError()
            choose.clearError()
          }}
        />
      )}
    </>
  )
}
