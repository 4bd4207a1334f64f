import type { DiagnosisProgress } from '../../../../shared/diagnosis'
import { useTranslation } from '../../i18n'

/** A running diagnosis: steps done of total as a bar, and what it collects now in words. */
export function DiagnosisProgressBar(props: { progress: DiagnosisProgress | null }) {
  const { t } = useTranslation('diagnosis')
  const { progress } = props
  // The step count is fixed when it starts; a member stopping meanwhile can skip a step.
  const done = progress ? Math.min(progress.done, progress.total) : 0
  return (
    <div className="toolbar">
      <progress
        aria-label={t('progressLabel')}
        max={progress?.total}
        value={progress ? done : undefined}
      />
      <span role="status">
        {progress
          ? `${t(`steps.${progress.step}`, { member: progress.member ?? '' })} ${t('stepCount', { done, total: progress.total })}`
          : t('starting')}
      </span>
    </div>
  )
}
