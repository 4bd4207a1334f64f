import { useTranslation } from '../../i18n'
import { useEffect, useState } from 'react'
import type { KeyVersion } from '../../../../shared/key-history'
import { BusyButton } from '../shared/busy-button'
import { displayBytes, equalBytes } from '../shared/bytes'
import { ErrorMessage } from '../shared/error-message'
import { Modal } from '../shared/modal'
import { HistoryTable, type Comparison } from './history-table'
import type { KeyEventHub } from './key-event-hub'
import { RestoreVersion } from './restore-version'
import { useKeyHistory } from './use-key-history'
import { VersionDiff } from './version-diff'
import './key-history.css'

/**
 * A key's history: its versions from its creation (or the compaction boundary) to now, a diff of
 * any two, and "Restore" of an older one as a compare-and-swap.
 */
export function KeyHistoryDialog(props: {
  cluster: string
  keyBytes: Uint8Array
  hub: KeyEventHub
  onClose: () => void
  /** An old version was written back (for the Commands tab's etcdctl twin). */
  onRestored: (key: Uint8Array, value: Uint8Array) => void
}) {
  const { cluster, keyBytes, hub } = props
  const history = useKeyHistory(cluster, keyBytes)
  const { t } = useTranslation('keys')
  const { versions } = history
  const newest = versions[0] ?? null
  const [picked, setPicked] = useState<Comparison | null>(null)
  const [restoring, setRestoring] = useState<KeyVersion | null>(null)
  const [restoredNote, setRestoredNote] = useState<string | null>(null)
  const [lastChange, setLastChange] = useState<string | null>(null)
  const [ownWrite, setOwnWrite] = useState<string | null>(null)
  useEffect(
    () =>
      hub.subscribe((message) => {
        if (message.type === 'resync') return
        const last = message.events.filter((e) => equalBytes(e.key, keyBytes)).at(-1)
        if (last) setLastChange(last.modRevision)
      }),
    [hub, keyBytes],
  )
  // A change newer than what the history shows, and not our own restore.
  const isStale =
    lastChange !== null &&
    newest !== null &&
    BigInt(lastChange) > BigInt(newest.modRevision) &&
    lastChange !== ownWrite
  const comparison = validComparison(picked, versions)
  const byRevision = (rev: string) => versions.find((v) => v.modRevision === rev) ?? null
  const [older, newer] = comparison
    ? orderByRevision(byRevision(comparison.from), byRevision(comparison.to))
    : [null, null]
  return (
    <Modal
      title={t('history.title', { key: displayBytes(keyBytes) })}
      onClose={props.onClose}
      size="large"
    >
      <p className="muted">
        {t('history.about')}
        {history.createRevision !== null &&
          t('history.created', { revision: history.createRevision })}
      </p>
      {isStale && (
        <p className="live-note" role="status">
          {t('history.changed', { revision: lastChange })}{' '}
          <button type="button" className="button--small" onClick={history.reload}>
            {t('history.reload')}
          </button>
        </p>
      )}
      {restoredNote && (
        <p className="live-note" role="status">
          {restoredNote}
        </p>
      )}
      {history.error && (
        <ErrorMessage
          error={history.error}
          context={t('history.readFailed')}
          onRetry={history.reload}
        />
      )}
      {history.isLoading && versions.length === 0 && (
        <p className="muted" role="status">
          {t('history.loading')}
        </p>
      )}
      {versions.length > 0 && (
        <HistoryTable
          versions={versions}
          comparison={comparison}
          onCompare={setPicked}
          onRestore={(v) => {
            setRestoredNote(null)
            setRestoring(v)
          }}
          isRestoreDisabled={restoring !== null}
        />
      )}
      <HistoryEnd history={history} />
      {restoring && newest && (
        <RestoreVersion
          key={restoring.modRevision}
          cluster={cluster}
          keyBytes={keyBytes}
          version={restoring}
          current={newest}
          onCancel={() => setRestoring(null)}
          onReload={() => {
            setRestoring(null)
            history.reload()
          }}
          onRestored={(revision) => {
            setOwnWrite(revision)
            setRestoredNote(t('history.restored', { version: restoring.version, revision }))
            setRestoring(null)
            setPicked(null)
            history.reload()
            props.onRestored(keyBytes, restoring.value)
          }}
        />
      )}
      {older && newer && <VersionDiff older={older} newer={newer} />}
      <div className="modal__actions">
        <button type="button" onClick={props.onClose}>
          {t('history.close')}
        </button>
      </div>
    </Modal>
  )
}

/** Where the list ends: more to load, the key's creation, or the compaction boundary. */
function HistoryEnd(props: { history: ReturnType<typeof useKeyHistory> }) {
  const { history } = props
  const { t } = useTranslation('keys')
  if (history.versions.length === 0) return null
  if (history.compacted) {
    return (
      <p className="history-note" role="note">
        {history.compacted.revision === null
          ? t('history.compacted')
          : t('history.compactedAt', { revision: history.compacted.revision })}
      </p>
    )
  }
  if (history.nextRevision !== null) {
    return (
      <BusyButton isBusy={history.isLoadingMore} onClick={history.loadMore}>
        {t('history.loadOlder')}
      </BusyButton>
    )
  }
  return <p className="muted">{t('history.whole')}</p>
}

/** The user's choice while both versions are listed, else the newest two (or the one). */
function validComparison(picked: Comparison | null, versions: KeyVersion[]): Comparison | null {
  const has = (rev: string) => versions.some((v) => v.modRevision === rev)
  if (picked && has(picked.from) && has(picked.to)) return picked
  const [first, second] = versions
  if (!first) return null
  return { from: (second ?? first).modRevision, to: first.modRevision }
}

function orderByRevision(
  a: KeyVersion | null,
  b: KeyVersion | null,
): [KeyVersion | null, KeyVersion | null] {
  if (!a || !b) return [null, null]
  return BigInt(a.modRevision) <= BigInt(b.modRevision) ? [a, b] : [b, a]
}
