import type { ClusterExportResult } from '../../../../shared/cluster-export/export-types'
import { useTranslation } from '../../i18n'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { useAction } from '../shared/use-action'
import { useTransferLinks } from '../transfer/transfer-links'
import { useState } from 'react'

/**
 * Writes the export: in the app, into a folder the save dialog names ("Save to a folder…"); in
 * browser mode, as a .tar.gz the engine writes and the page downloads.
 */
export function ExportSave(props: {
  cluster: string
  hosts: Record<string, string> | undefined
  onClose: () => void
}) {
  const { t } = useTranslation('clusterExport')
  const api = useApi()
  const links = useTransferLinks()
  const href = links?.clusterExportHref
  const [result, setResult] = useState<ClusterExportResult | null | 'cancelled'>(null)
  const save = useAction(() =>
    api.request('cluster:export-files', { cluster: props.cluster, hosts: props.hosts }),
  )
  const onSave = async () => {
    setResult(null)
    const answer = await save.run()
    if (answer.ok) setResult(answer.value ?? 'cancelled')
  }
  return (
    <div className="export-save">
      <div className="modal__actions">
        <button type="button" onClick={props.onClose}>
          {t('close')}
        </button>
        <BusyButton className="button--primary" isBusy={save.isBusy} onClick={() => void onSave()}>
          {href ? t('prepare') : t('save')}
        </BusyButton>
      </div>
      {result === 'cancelled' && <p role="status">{t('cancelled')}</p>}
      {result !== null && result !== 'cancelled' && (
        <p role="status">
          {result.folder ? (
            <>
              {t('saved', { count: result.files })} <code className="break">{result.folder}</code>
            </>
          ) : (
            href &&
            result.archive && (
              <a className="button-link" href={href(result.archive)} download={result.archive}>
                {t('download', { name: result.archive })}
              </a>
            )
          )}
        </p>
      )}
      {save.error && (
        <ErrorMessage error={save.error} context={t('exportFailed')} onDismiss={save.clearError} />
      )}
    </div>
  )
}
