import { useTranslation } from '../../i18n'
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
  const { t } = useTranslation('keys')
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
    <div
      className="restore-version"
      role="group"
      aria-label={t('restore.label', { version: version.version })}
    >
      <p>
        {t('restore.ask', {
          version: version.version,
          revision: version.modRevision,
          size: formatBytes(version.value.length),
          current: current.modRevision,
          currentVersion: current.version,
        })}
      </p>
      {conflict ? (
        <div className="conflict" role="alert">
          <strong>{t('restore.conflictTitle')}</strong>
          <p>
            {t('restore.conflict', {
              expected: conflict.detail?.expectedModRevision,
              now:
                conflict.detail?.currentModRevision === '0'
                  ? t('restore.deleted')
                  : t('restore.atRevision', { revision: conflict.detail?.currentModRevision }),
            })}
          </p>
          <div className="button-row">
            <button type="button" onClick={props.onReload}>
              {t('restore.reload')}
            </button>
          </div>
        </div>
      ) : (
        restore.error && <ErrorMessage error={restore.error} context={t('restore.failed')} />
      )}
      <div className="button-row">
        <BusyButton
          className="button--primary"
          isBusy={restore.isBusy}
          disabled={conflict !== null}
          onClick={() => void run()}
        >
          {t('restore.now', { version: version.version })}
        </BusyButton>
        <button type="button" onClick={props.onCancel} disabled={restore.isBusy}>
          {t('restore.cancel')}
        </button>
      </div>
    </div>
  )
}
