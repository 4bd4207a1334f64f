import type { ClusterView } from '../../../../shared/cluster'
import { useApi } from '../shared/api-context'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { hasLiveMember } from '../shared/member-state'
import { useAction } from '../shared/use-action'

/** Asks before deleting a cluster, saying that its data is deleted; stops it first if it runs. */
export function DeleteClusterDialog(props: {
  cluster: ClusterView
  onCancel: () => void
  onDeleted: () => void
}) {
  const { cluster } = props
  const name = cluster.definition.name
  const api = useApi()
  const isLive = hasLiveMember(cluster)
  const remove = useAction(async () => {
    if (isLive) {
      const stopped = await api.request('cluster:stop', { cluster: name })
      if (!stopped.ok) return stopped
    }
    return api.request('cluster:delete', { cluster: name })
  })
  const confirm = async () => {
    const result = await remove.run()
    if (result.ok) props.onDeleted()
  }
  return (
    <ConfirmDialog
      title={`Delete cluster ${name}?`}
      confirmLabel={isLive ? 'Stop and delete' : 'Delete'}
      onConfirm={() => void confirm()}
      onCancel={props.onCancel}
      isBusy={remove.isBusy}
      error={remove.error}
    >
      <p>
        All data of its {cluster.members.length} members (every key and the logs) is deleted from{' '}
        <code>{cluster.dir}</code>. This cannot be undone.
      </p>
      {isLive && <p>The cluster is running: it is stopped first.</p>}
    </ConfirmDialog>
  )
}
