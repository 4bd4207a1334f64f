import type { InstallProgress } from '../../../../shared/releases'
import { useTranslation } from '../../i18n'
import { formatBytes } from '../shared/bytes'

/** Progress of one release install: phase, bytes of total, speed and time left, and Cancel. */
export function InstallProgressBar(props: { progress: InstallProgress; onCancel: () => void }) {
  const { progress } = props
  const { t } = useTranslation('create-cluster')
  const total = progress.total ?? undefined
  const parts = [
    progress.total
      ? t('progress.of', { done: formatBytes(progress.bytes), total: formatBytes(progress.total) })
      : formatBytes(progress.bytes),
    progress.bytesPerSecond > 0
      ? t('progress.speed', { speed: formatBytes(progress.bytesPerSecond) })
      : null,
    progress.etaSeconds !== null
      ? t('progress.left', { seconds: Math.ceil(progress.etaSeconds) })
      : null,
  ].filter(Boolean)
  return (
    <div className="install-progress">
      <div className="install-progress__label">
        {t('progress.label', { phase: t(`progress.${progress.phase}`), version: progress.version })}
      </div>
      <progress
        aria-label={t('progress.aria', { version: progress.version })}
        value={progress.phase === 'downloading' ? progress.bytes : undefined}
        max={total}
      />
      <div className="install-progress__numbers">{parts.join(' · ')}</div>
      <button type="button" className="button--small" onClick={props.onCancel}>
        {t('progress.cancel')}
      </button>
    </div>
  )
}
