import { useEffect, useState } from 'react'
import type { KeyEntry } from '../../../../shared/keys'
import {
  bytesKey,
  decodeText,
  displayBytes,
  equalBytes,
  requestBytes,
  toHex,
} from '../shared/bytes'
import { CopyButton } from '../shared/copy-button'
import { ErrorMessage } from '../shared/error-message'
import { useRequest } from '../shared/use-request'
import type { KeyEventHub } from './key-event-hub'
import { KeyMetadata } from './key-metadata'
import { defaultMode, ValueBody, type ValueMode } from './value-body'

const MODES: { mode: ValueMode; label: string }[] = [
  { mode: 'text', label: 'Text' },
  { mode: 'json', label: 'JSON' },
  { mode: 'hex', label: 'Hex' },
]

/** One key's value (text / JSON / hex) and metadata; follows live changes of that key. */
export function ValueViewer(props: {
  cluster: string
  keyBytes: Uint8Array
  hub: KeyEventHub
  onEdit: (entry: KeyEntry) => void
  onDelete: (entry: KeyEntry) => void
}) {
  const { cluster, keyBytes, hub } = props
  const [mode, setMode] = useState<ValueMode | null>(null)
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
            ? `Deleted at revision ${last.modRevision} (by this window or another client).`
            : `Changed at revision ${last.modRevision}; showing the new value.`,
        )
        reload()
      }),
    [hub, keyBytes, reload],
  )
  const shownMode = mode ?? (entry?.value ? defaultMode(entry.value) : 'text')
  return (
    <section className="value-viewer" aria-label="Selected key">
      <header className="value-viewer__head">
        <h3 className="value-viewer__key" title={displayBytes(keyBytes, 4096)}>
          {displayBytes(keyBytes)}
        </h3>
        {entry && (
          <div className="button-row">
            <button type="button" onClick={() => props.onEdit(entry)}>
              Edit
            </button>
            <button
              type="button"
              className="button--danger-quiet"
              onClick={() => props.onDelete(entry)}
            >
              Delete
            </button>
          </div>
        )}
      </header>
      {liveNote && (
        <p className="live-note" role="status">
          {liveNote}
        </p>
      )}
      {error && <ErrorMessage error={error} context="Could not read the key" onRetry={reload} />}
      {!entry && !error && <p className="muted">Loading…</p>}
      {entry && (
        <>
          <KeyMetadata entry={entry} />
          <div className="value-viewer__tools">
            <div className="segmented" role="group" aria-label="Display as">
              {MODES.map((m) => (
                <button
                  key={m.mode}
                  type="button"
                  aria-pressed={shownMode === m.mode}
                  onClick={() => setMode(m.mode)}
                >
                  {m.label}
                </button>
              ))}
            </div>
            {entry.value && (
              <CopyButton text={decodeText(entry.value) ?? toHex(entry.value)} label="Copy value" />
            )}
          </div>
          {entry.value ? (
            <ValueBody value={entry.value} mode={shownMode} />
          ) : (
            <p className="muted">No value.</p>
          )}
        </>
      )}
    </section>
  )
}
