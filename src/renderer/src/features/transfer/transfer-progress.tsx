import type { TransferProgress } from '../../../../shared/transfer'

const VERBS: Record<TransferProgress['kind'], string> = {
  export: 'Exported',
  preview: 'Compared',
  import: 'Imported',
}

/** A running transfer: keys done of total as a bar and in words, and its Cancel. */
export function TransferProgressBar(props: {
  label: string
  progress: TransferProgress | null
  onCancel: () => void
}) {
  const { progress } = props
  const done = progress?.done ?? 0
  const total = progress?.total ?? null
  return (
    <div className="toolbar">
      <progress
        aria-label={props.label}
        max={total && total > 0 ? total : undefined}
        value={total && total > 0 ? done : undefined}
      />
      <span role="status">
        {progress
          ? `${VERBS[progress.kind]} ${done.toLocaleString()}${total === null ? '' : ` of ${total.toLocaleString()}`} keys`
          : 'Starting…'}
      </span>
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  )
}
