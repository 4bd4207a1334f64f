import { useApi } from '../shared/api-context'
import { bytesKey, displayBytes, requestBytes } from '../shared/bytes'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { useAction } from '../shared/use-action'
import { useRequest } from '../shared/use-request'

/** Asks before deleting every key under a prefix, saying how many keys that is. */
export function DeletePrefixDialog(props: {
  cluster: string
  prefix: Uint8Array
  onCancel: () => void
  onDeleted: (deleted: number) => void
}) {
  const { cluster, prefix } = props
  const api = useApi()
  const counted = useRequest('keys:count', { cluster, prefix: requestBytes(prefix) }, [
    cluster,
    bytesKey(prefix),
  ])
  const countError = counted.error
  const count = countError ? null : counted.data
  const remove = useAction(() =>
    api.request('keys:delete-prefix', { cluster, prefix: requestBytes(prefix) }),
  )
  const confirm = async () => {
    const result = await remove.run()
    if (result.ok) props.onDeleted(result.value.deleted)
  }
  const label =
    count === null
      ? 'Delete keys'
      : `Delete ${count.toLocaleString()} ${count === 1 ? 'key' : 'keys'}`
  return (
    <ConfirmDialog
      title="Delete every key under this prefix?"
      confirmLabel={label}
      onConfirm={() => void confirm()}
      onCancel={props.onCancel}
      isBusy={remove.isBusy}
      isConfirmDisabled={count === null || count === 0}
      error={remove.error ?? countError}
    >
      <p>
        Prefix <code className="break">{displayBytes(prefix)}</code>:{' '}
        {count === null
          ? countError
            ? 'the keys could not be counted.'
            : 'counting keys…'
          : count === 0
            ? 'no key starts with it.'
            : `${count.toLocaleString()} ${count === 1 ? 'key is' : 'keys are'} deleted. This cannot be undone.`}
      </p>
    </ConfirmDialog>
  )
}
