import type { ClusterView } from '../../../../shared/cluster'
import { Trans, useTranslation } from '../../i18n'
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
  const { t } = useTranslation('clusters')
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
      title={t('delete.title', { name })}
      confirmLabel={isLive ? t('delete.stopAndDelete') : t('delete.delete')}
      onConfirm={() => void confirm()}
      onCancel={props.onCancel}
      isBusy={remove.isBusy}
      error={remove.error}
    >
      <p>
        <Trans
          t={t}
          i18nKey="delete.body"
          count={cluster.members.length}
          values={{ dir: cluster.dir }}
          components={{ code: <code /> }}
        />
      </p>
      {isLive && <p>{t('delete.running')}</p>}
    </ConfirmDialog>
  )
}
