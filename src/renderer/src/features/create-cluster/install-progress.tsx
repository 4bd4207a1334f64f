import type { InstallProgress } from '../../../../shared/releases'
import { formatBytes } from '../shared/bytes'

const PHASE_LABELS: Record<InstallProgress['phase'], string> = {
  downloading: 'Downloading',
  verifying: 'Verifying checksum',
  extracting: 'Extracting',
  checking: 'Checking the binary',
  installed: 'Installed',
}

/** Progress of one release install: phase, bytes of total, speed and time left, and Cancel. */
export function InstallProgressBar(props: { progress: InstallProgress; onCancel: () => void }) {
  const { progress } = props
  const total = progress.total ?? undefined
  const parts = [
    `${formatBytes(progress.bytes)}${progress.total ? ` of ${formatBytes(progress.total)}` : ''}`,
    progress.bytesPerSecond > 0 ? `${formatBytes(progress.bytesPerSecond)}/s` : null,
    progress.etaSeconds !== null ? `${Math.ceil(progress.etaSeconds)} s left` : null,
  ].filter(Boolean)
  return (
    <div className="install-progress">
      <div className="install-progress__label">
        {PHASE_LABELS[progress.phase]} etcd {progress.version}
      </div>
      <progress
        aria-label={`Download of etcd ${progress.version}`}
        value={progress.phase === 'downloading' ? progress.bytes : undefined}
        max={total}
      />
      <div className="install-progress__numbers">{parts.join(' · ')}</div>
      <button type="button" className="button--small" onClick={props.onCancel}>
        Cancel download
      </button>
    </div>
  )
}
