import type { KeyVersion } from '../../../../shared/key-history'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { formatBytes, requestBytes } from '../shared/bytes'
import { ErrorMessage } from '../shared/error-message'
import { useAction } from '../shared/use-action'

/**
 * Asks before writing an old version back: a compare-and-swap on the key's mod revision as the
 * history shows it, so a write by anyone since then refuses the restore (KEY_CONFLICT).
 */
export function RestoreVersion(props: {
  cluster: string
  keyBytes: Uint8Array
  version: KeyVersion
  current: KeyVersion
  onRestored: (revision: string) => void
  onCancel: () => void
  onReload: () => void
}) {
  const { cluster, keyBytes, version, current } = props
  const api = useApi()
  const restore = useAction(() =>
    api.request('keys:restore', {
      cluster,
      key: requestBytes(keyBytes),
      revision: version.modRevision,
      expectModRevision: current.modRevision,
    }),
  )
  const run = async () => {
    const result = await restore.run()
    if (result.ok) props.onRestored(result.value.revision)
  }
  const conflict = restore.error?.code === 'KEY_CONFLICT' ? restore.error : null
  return (
    <div className="restore-version" role="group" aria-label={`Restore version ${version.version}`}>
      <p>
        Write the value of version {version.version} (revision {version.modRevision},{' '}
        {formatBytes(version.value.length)}) back as a new version? It is written only if the key is
        still at mod revision {current.modRevision} (version {current.version}).
      </p>
      {conflict ? (
        <div className="conflict" role="alert">
          <strong>Not restored: someone else changed this key.</strong>
          <p>
            The history shows mod revision {conflict.detail?.expectedModRevision}; the key is now at{' '}
            {conflict.detail?.currentModRevision === '0'
              ? 'no revision (it was deleted)'
              : `mod revision ${conflict.detail?.currentModRevision}`}
            . Reload the history to see the new version, then choose again.
          </p>
          <div className="button-row">
            <button type="button" onClick={props.onReload}>
              Reload history
            </button>
          </div>
        </div>
      ) : (
        restore.error && (
          <ErrorMessage error={restore.error} context="Could not restore the version" />
        )
      )}
      <div className="button-row">
        <BusyButton
          className="button--primary"
          isBusy={restore.isBusy}
          disabled={conflict !== null}
          onClick={() => void run()}
        >
          Restore version {version.version} now
        </BusyButton>
        <button type="button" onClick={props.onCancel} disabled={restore.isBusy}>
          Cancel
        </button>
      </div>
    </div>
  )
}
