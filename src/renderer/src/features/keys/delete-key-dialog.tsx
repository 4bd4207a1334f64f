import { useApi } from '../shared/api-context'
import { displayBytes, requestBytes } from '../shared/bytes'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { useAction } from '../shared/use-action'

/** Asks before deleting one key. */
export function DeleteKeyDialog(props: {
  cluster: string
  keyBytes: Uint8Array
  onCancel: () => void
  onDeleted: () => void
}) {
  const api = useApi()
  const remove = useAction(() =>
    api.request('keys:delete', { cluster: props.cluster, key: requestBytes(props.keyBytes) }),
  )
  const confirm = async () => {
    const result = await remove.run()
    if (result.ok) props.onDeleted()
  }
  return (
    <ConfirmDialog
      title="Delete this key?"
      confirmLabel="Delete key"
      onConfirm={() => void confirm()}
      onCancel={props.onCancel}
      isBusy={remove.isBusy}
      error={remove.error}
    >
      <p>
        <code className="break">{displayBytes(props.keyBytes)}</code> and its value are deleted from
        the cluster. This cannot be undone.
      </p>
    </ConfirmDialog>
  )
}
