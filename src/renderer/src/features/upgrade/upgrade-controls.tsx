import { useTranslation } from '../../i18n'
import type { ClusterView } from '../../../../shared/cluster'
import type { PendingUpgrade } from '../../../../shared/upgrade'
import { InstallProgressBar } from '../create-cluster/install-progress'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { listWords } from './upgrade-texts'
import type { UpgradeRun } from './use-upgrade'

/**
 * The header's upgrade controls, beside the operation status: "Pause after this member" and
 * "Abort" while an upgrade runs, "Continue" and "Abort" while one is paused (or was cut short
 * by a crash), the download it waits for, and why it could not start or stop.
 */
export function UpgradeControls(props: { cluster: ClusterView; upgrade: UpgradeRun }) {
  const { cluster, upgrade } = props
  const name = cluster.definition.name
  const { t } = useTranslation('upgrade')
  const isRunning = cluster.operation?.kind === 'upgrade'
  const pending = cluster.definition.pendingUpgrade ?? null
  return (
    <div className="upgrade-controls">
      {isRunning && <RunningControls upgrade={upgrade} />}
      {!isRunning && pending && (
        <PausedControls cluster={cluster} pending={pending} upgrade={upgrade} />
      )}
      {upgrade.progress && (
        <InstallProgressBar progress={upgrade.progress} onCancel={upgrade.cancelDownload} />
      )}
      {upgrade.startError && (
        <ErrorMessage
          error={upgrade.startError}
          context={t('controls.upgradeFailed', { name })}
          onDismiss={upgrade.clearStartError}
        />
      )}
      {upgrade.stopError && (
        <ErrorMessage
          error={upgrade.stopError}
          context={t('controls.stopFailed')}
          onDismiss={upgrade.clearStopError}
        />
      )}
    </div>
  )
}

/** While an upgrade runs: stop it after the member being swapped, keeping or dropping it. */
function RunningControls(props: { upgrade: UpgradeRun }) {
  const { upgrade } = props
  const asked = upgrade.stopAsked
  const { t } = useTranslation('upgrade')
  return (
    <div className="button-row button-row--tight" role="group" aria-label={t('controls.label')}>
      <BusyButton
        className="button--small"
        isBusy={upgrade.isStopping && asked === 'pause'}
        disabled={asked !== null}
        onClick={() => void upgrade.stop('pause')}
      >
        {t('controls.pauseAfter')}
      </BusyButton>
      <BusyButton
        className="button--small button--danger-quiet"
        aria-label={t('controls.abortLabel')}
        isBusy={upgrade.isStopping && asked === 'abort'}
        disabled={asked !== null}
        onClick={() => void upgrade.stop('abort')}
      >
        {t('controls.abort')}
      </BusyButton>
      {asked && (
        <span className="muted" role="status">
          {asked === 'pause' ? t('controls.pausing') : t('controls.aborting')}
        </span>
      )}
    </div>
  )
}

/** A paused (or interrupted) upgrade: where it stopped, and Continue or Abort. */
function PausedControls(props: {
  cluster: ClusterView
  pending: PendingUpgrade
  upgrade: UpgradeRun
}) {
  const { cluster, pending, upgrade } = props
  const { target, hops } = pending.plan
  const done = cluster.members.filter((m) => m.etcdVersion === target).map((m) => m.name)
  const left = cluster.members.filter((m) => m.etcdVersion !== target)
  const { t } = useTranslation('upgrade')
  const leftText = left.map((m) =>
    t('controls.memberOn', { member: m.name, version: m.etcdVersion }),
  )
  const values = {
    target,
    done: done.length > 0 ? listWords(done) : t('controls.noMember'),
    left: listWords(leftText),
  }
  const key = pending.paused
    ? left.length > 0
      ? 'controls.pausedLeft'
      : 'controls.paused'
    : left.length > 0
      ? 'controls.interruptedLeft'
      : 'controls.interrupted'
  return (
    <div className="upgrade-paused" role="group" aria-label={t('controls.pausedLabel')}>
      <p>{t(key, values)}</p>
      <div className="button-row button-row--tight">
        <BusyButton
          className="button--small button--primary"
          aria-label={t('controls.continueLabel')}
          isBusy={upgrade.isStarting}
          disabled={upgrade.isStopping}
          onClick={() => void upgrade.start(target, { allowHops: hops.length > 1, hops })}
        >
          {t('controls.continue')}
        </BusyButton>
        <BusyButton
          className="button--small button--danger-quiet"
          aria-label={t('controls.abortLabel')}
          isBusy={upgrade.isStopping}
          onClick={() => void upgrade.stop('abort')}
        >
          {t('controls.abort')}
        </BusyButton>
      </div>
    </div>
  )
}
