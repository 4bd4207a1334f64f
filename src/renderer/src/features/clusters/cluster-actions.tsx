import { useState } from 'react'
import type { ClusterView } from '../../../../shared/cluster'
import { useTranslation } from '../../i18n'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { hasLiveMember } from '../shared/member-state'
import { useAction } from '../shared/use-action'
import { UpgradeDialog } from '../upgrade/upgrade-dialog'
import { ExportClusterButton } from '../cluster-export/export-button'
import type { UpgradeRun } from '../upgrade/use-upgrade'
import { DeleteClusterDialog } from './delete-cluster-dialog'
import { blockedBy } from './operation'

/**
 * "Start all", "Stop all", "Upgrade" and "Delete cluster" for one cluster, with busy states and
 * errors; an action the running operation is in the way of is disabled, its title saying what runs.
 */
export function ClusterActions(props: {
  cluster: ClusterView
  onChanged: (view: ClusterView) => void
  onDeleted: (name: string) => void
  /** The cluster's version change, which the Upgrade dialog starts. */
  upgrade: UpgradeRun
}) {
  const { cluster, onChanged } = props
  const name = cluster.definition.name
  const api = useApi()
  const { t } = useTranslation('clusters')
  const [isAsking, setAsking] = useState(false)
  const [isUpgrading, setUpgrading] = useState(false)
  const start = useAction(() => api.request('cluster:start', { cluster: name }))
  const stop = useAction(() => api.request('cluster:stop', { cluster: name }))
  const isLive = hasLiveMember(cluster)
  const allRunning = cluster.members.every((m) => m.state === 'running')
  const run = async (action: typeof start) => {
    const result = await action.run()
    if (result.ok) onChanged(result.value)
  }
  const error = start.error ?? stop.error
  const blocked = {
    start: blockedBy(cluster.operation, 'start-all'),
    stop: blockedBy(cluster.operation, 'stop-all'),
    remove: blockedBy(cluster.operation, 'delete'),
    upgrade: blockedBy(cluster.operation, 'upgrade') ?? (isLive ? null : t('actions.startFirst')),
  }
  return (
    <div className="cluster-actions">
      <div className="button-row">
        <BusyButton
          isBusy={start.isBusy}
          disabled={allRunning || stop.isBusy || blocked.start !== null}
          title={blocked.start ?? undefined}
          onClick={() => void run(start)}
        >
          {t('actions.startAll')}
        </BusyButton>
        <BusyButton
          isBusy={stop.isBusy}
          disabled={!isLive || blocked.stop !== null}
          title={blocked.stop ?? undefined}
          onClick={() => void run(stop)}
        >
          {t('actions.stopAll')}
        </BusyButton>
        <button
          type="button"
          disabled={blocked.upgrade !== null || props.upgrade.isStarting}
          title={blocked.upgrade ?? undefined}
          onClick={() => setUpgrading(true)}
        >
          {t('actions.upgrade')}
        </button>
        <ExportClusterButton cluster={cluster} />
        <button
          type="button"
          className="button--danger-quiet"
          disabled={blocked.remove !== null}
          title={blocked.remove ?? undefined}
          onClick={() => setAsking(true)}
        >
          {t('actions.delete')}
        </button>
      </div>
      {error && (
        <ErrorMessage
          error={error}
          context={
            start.error ? t('actions.startFailed', { name }) : t('actions.stopFailed', { name })
          }
          onDismiss={() => (start.error ? start.clearError() : stop.clearError())}
        />
      )}
      {isUpgrading && (
        <UpgradeDialog
          cluster={cluster}
          upgrade={props.upgrade}
          onClose={() => setUpgrading(false)}
        />
      )}
      {isAsking && (
        <DeleteClusterDialog
          cluster={cluster}
          onCancel={() => setAsking(false)}
          onDeleted={() => props.onDeleted(name)}
        />
      )}
    </div>
  )
}
