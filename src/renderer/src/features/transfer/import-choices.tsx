import { useId } from 'react'
import type { ExistingKeys } from '../../../../shared/transfer'

const CHOICES: { value: ExistingKeys; label: string; note: string }[] = [
  { value: 'skip', label: 'Skip', note: 'keep what the cluster holds' },
  { value: 'overwrite', label: 'Overwrite', note: 'write the file’s value' },
  {
    value: 'cas',
    label: 'Compare-and-swap',
    note: 'overwrite only keys unchanged since the preview; count the others as conflicts',
  },
]

/** What happens to keys the cluster holds with another value, in words for the confirmation. */
export function existingSentence(existing: ExistingKeys): string {
  switch (existing) {
    case 'skip':
      return 'none is changed (skip).'
    case 'overwrite':
      return 'every one is overwritten with the file’s value.'
    case 'cas':
      return 'those unchanged since the preview are overwritten; the others are counted as conflicts.'
  }
}

/** The import's choices: existing keys (skip / overwrite / compare-and-swap), dry run, leases. */
export function ImportChoices(props: {
  existing: ExistingKeys
  onExisting: (value: ExistingKeys) => void
  isDryRun: boolean
  onDryRun: (value: boolean) => void
  hasLeases: boolean
  attachLeases: boolean
  onAttachLeases: (value: boolean) => void
}) {
  const name = useId()
  return (
    <>
      <fieldset>
        <legend>Existing keys with another value</legend>
        {CHOICES.map((choice) => (
          <div key={choice.value}>
            <label>
              <input
                type="radio"
                name={name}
                value={choice.value}
                checked={props.existing === choice.value}
                onChange={() => props.onExisting(choice.value)}
              />{' '}
              {choice.label} <span className="muted">— {choice.note}</span>
            </label>
          </div>
        ))}
      </fieldset>
      <label>
        <input
          type="checkbox"
          checked={props.isDryRun}
          onChange={(e) => props.onDryRun(e.target.checked)}
        />{' '}
        Dry run (count what would happen, write nothing)
      </label>
      {props.hasLeases && (
        <label>
          <input
            type="checkbox"
            checked={props.attachLeases}
            onChange={(e) => props.onAttachLeases(e.target.checked)}
          />{' '}
          Grant new leases with the file’s TTLs and attach their keys
        </label>
      )}
    </>
  )
}
