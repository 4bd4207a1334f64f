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
  return (
    <div className="conflict" role="alert">
      <strong>
        Not saved: {isNew ? 'this key already exists' : 'someone else changed this key'}.
      </strong>
      {current ? (
        <>
          <p>
            {isNew
              ? `It exists with mod revision ${current.modRevision}.`
              : `You edited mod revision ${conflict.expected}; it is now ${current.modRevision} (version ${current.version}).`}{' '}
            Its current value:
          </p>
          {current.value && <ValueBody value={current.value} mode={defaultMode(current.value)} />}
        </>
      ) : (
        <p>It was deleted while you were editing it.</p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button--danger"
          onClick={() => props.onOverwrite(current?.modRevision ?? '0')}
        >
          {current ? 'Overwrite with my value' : 'Save anyway'}
        </button>
        <button type="button" onClick={props.onDiscard}>
          Discard my change
        </button>
      </div>
    </div>
  )
}
