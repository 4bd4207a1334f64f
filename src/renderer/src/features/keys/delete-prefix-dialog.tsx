import { Trans, useTranslation } from '../../i18n'
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
  const { t } = useTranslation('keys')
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
  const label = count === null ? t('deletePrefix.deleteKeys') : t('deletePrefix.delete', { count })
  const what =
    count === null
      ? countError
        ? t('deletePrefix.countFailed')
        : t('deletePrefix.counting')
      : count === 0
        ? t('deletePrefix.none')
        : t('deletePrefix.deleted', { count })
  return (
    <ConfirmDialog
      title={t('deletePrefix.title')}
      confirmLabel={label}
      onConfirm={() => void confirm()}
      onCancel={props.onCancel}
      isBusy={remove.isBusy}
      isConfirmDisabled={count === null || count === 0}
      error={remove.error ?? countError}
    >
      <p>
        <Trans
          t={t}
          i18nKey="deletePrefix.prefix"
          values={{ prefix: displayBytes(prefix), what }}
          components={{ code: <code className="break" /> }}
        />
      </p>
    </ConfirmDialog>
  )
}
