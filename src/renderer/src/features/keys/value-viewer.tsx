import { useTranslation } from '../../i18n'
import { useEffect, useState } from 'react'
import type { KeyEntry } from '../../../../shared/keys'
import { bytesKey, displayBytes, equalBytes, requestBytes } from '../shared/bytes'
import { ErrorMessage } from '../shared/error-message'
import { useRequest } from '../shared/use-request'
import { KeyHistoryDialog } from './key-history-dialog'
import type { KeyEventHub } from './key-event-hub'
import { KeyMetadata } from './key-metadata'
import { ValueDisplay } from './value-display'

/** One key's value (Kubernetes / text / JSON / hex) and metadata; follows live changes of that key. */
export function ValueViewer(props: {
  cluster: string
  keyBytes: Uint8Array
  hub: KeyEventHub
  onEdit: (entry: KeyEntry) => void
  onDelete: (entry: KeyEntry) => void
  /** An old version was written back from the History dialog. */
  onRestored?: (key: Uint8Array, value: Uint8Array) => void
}) {
  const { cluster, keyBytes, hub } = props
  const [isHistoryOpen, setHistoryOpen] = useState(false)
  const { t } = useTranslation('keys')
  const [liveNote, setLiveNote] = useState<string | null>(null)
  const asked = useRequest('keys:get', { cluster, key: requestBytes(keyBytes) }, [
    cluster,
    bytesKey(keyBytes),
  ])
  const { error, reload } = asked
  const entry: KeyEntry | null = error ? null : asked.data
  useEffect(
    () =>
      hub.subscribe((message) => {
        const last =
          message.type === 'events'
            ? message.events.filter((e) => equalBytes(e.key, keyBytes)).at(-1)
            : undefined
        if (message.type === 'resync') reload()
        if (!last) return
        setLiveNote(
          last.type === 'delete'
            ? t('viewer.deletedAt', { revision: last.modRevision })
            : t('viewer.changedAt', { revision: last.modRevision }),
        )
        reload()
      }),
    [hub, keyBytes, reload, t],
  )
  return (
    <section className="value-viewer" aria-label={t('viewer.label')}>
      <header className="value-viewer__head">
        <h3 className="value-viewer__key" title={displayBytes(keyBytes, 4096)}>
          {displayBytes(keyBytes)}
        </h3>
        {entry && (
          <div className="button-row">
            <button type="button" onClick={() => setHistoryOpen(true)}>
              {t('viewer.history')}
            </button>
            <button type="button" onClick={() => props.onEdit(entry)}>
              {t('viewer.edit')}
            </button>
            <button
              type="button"
              className="button--danger-quiet"
              onClick={() => props.onDelete(entry)}
            >
              {t('viewer.delete')}
            </button>
          </div>
        )}
      </header>
      {liveNote && (
        <p className="live-note" role="status">
          {liveNote}
        </p>
      )}
      {error && <ErrorMessage error={error} context={t('viewer.readFailed')} onRetry={reload} />}
      {!entry && !error && <p className="muted">{t('viewer.loading')}</p>}
      {entry && (
        <>
          <KeyMetadata entry={entry} />
          <ValueDisplay value={entry.value} />
        </>
      )}
      {isHistoryOpen && (
        <KeyHistoryDialog
          cluster={cluster}
          keyBytes={keyBytes}
          hub={hub}
          onClose={() => setHistoryOpen(false)}
          onRestored={(key, value) => props.onRestored?.(key, value)}
        />
      )}
    </section>
  )
}
