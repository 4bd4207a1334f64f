import { useTranslation } from '../../i18n'
import type { TransferProgress } from '../../../../shared/transfer'

/** A running transfer: keys done of total as a bar and in words, and its Cancel. */
export function TransferProgressBar(props: {
  label: string
  progress: TransferProgress | null
  onCancel: () => void
}) {
  const { progress } = props
  const { t } = useTranslation('transfer')
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
          ? total === null
            ? t(`progress.${progress.kind}`, { done })
            : t(`progress.${progress.kind}Of`, { done, total })
          : t('progress.starting')}
      </span>
      <button type="button" onClick={props.onCancel}>
        {t('progress.cancel')}
      </button>
    </div>
  )
}
