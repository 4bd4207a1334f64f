import { useState } from 'react'
import type { ClusterView } from '../../../../shared/cluster'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { hasLiveMember } from '../shared/member-state'
import { useAction } from '../shared/use-action'
import { DeleteClusterDialog } from './delete-cluster-dialog'

/** "Start all", "Stop all" and "Delete cluster" for one cluster, with busy states and errors. */
export function ClusterActions(props: {
  cluster: ClusterView
  onChanged: (view: ClusterView) => void
  onDeleted: (name: string) => void
}) {
  const { cluster, onChanged } = props
  const name = cluster.definition.name
  const api = useApi()
  const [isAsking, setAsking] = useState(false)
  const start = useAction(() => api.request('cluster:start', { cluster: name }))
  const stop = useAction(() => api.request('cluster:stop', { cluster: name }))
  const isLive = hasLiveMember(cluster)
  const allRunning = cluster.members.every((m) => m.state === 'running')
  const run = async (action: typeof start) => {
    const result = await action.run()
    if (result.ok) onChanged(result.value)
  }
  const error = start.error ?? stop.error
  return (
    <div className="cluster-actions">
      <div className="button-row">
        <BusyButton
          isBusy={start.isBusy}
          disabled={allRunning || stop.isBusy}
          onClick={() => void run(start)}
        >
          Start all
        </BusyButton>
        <BusyButton isBusy={stop.isBusy} disabled={!isLive} onClick={() => void run(stop)}>
          Stop all
        </BusyButton>
        <button type="button" className="button--danger-quiet" onClick={() => setAsking(true)}>
          Delete cluster
        </button>
      </div>
      {error && (
        <ErrorMessage
          error={error}
          context={start.error ? `Could not start ${name}` : `Could not stop ${name}`}
          onDismiss={() => (start.error ? start.clearError() : stop.clearError())}
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
