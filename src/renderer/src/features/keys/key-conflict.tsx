import { useTranslation } from '../../i18n'
import type { KeyEntry } from '../../../../shared/keys'
import { ValueBody, defaultMode } from './value-body'

/** What a compare-and-swap found: the key as it is now (null when it was deleted meanwhile). */
export interface Conflict {
  expected: string
  current: KeyEntry | null
}

/** Shows the concurrent change that stopped a save, and lets the user overwrite or discard. */
export function KeyConflict(props: {
  conflict: Conflict
  isNew: boolean
  onOverwrite: (expectModRevision: string) => void
  onDiscard: () => void
}) {
  const { conflict, isNew } = props
  const { current } = conflict
  const { t } = useTranslation('keys')
  return (
    <div className="conflict" role="alert">
      <strong>{isNew ? t('conflict.notSavedExists') : t('conflict.notSavedChanged')}</strong>
      {current ? (
        <>
          <p>
            {isNew
              ? t('conflict.exists', { revision: current.modRevision })
              : t('conflict.changed', {
                  expected: conflict.expected,
                  revision: current.modRevision,
                  version: current.version,
                })}{' '}
            {t('conflict.current')}
          </p>
          {current.value && <ValueBody value={current.value} mode={defaultMode(current.value)} />}
        </>
      ) : (
        <p>{t('conflict.deleted')}</p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button--danger"
          onClick={() => props.onOverwrite(current?.modRevision ?? '0')}
        >
          {current ? t('conflict.overwrite') : t('conflict.saveAnyway')}
        </button>
        <button type="button" onClick={props.onDiscard}>
          {t('conflict.discard')}
        </button>
      </div>
    </div>
  )
}
