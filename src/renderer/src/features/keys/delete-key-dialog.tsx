import { Trans, useTranslation } from '../../i18n'
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
  const { t } = useTranslation('keys')
  const remove = useAction(() =>
    api.request('keys:delete', { cluster: props.cluster, key: requestBytes(props.keyBytes) }),
  )
  const confirm = async () => {
    const result = await remove.run()
    if (result.ok) props.onDeleted()
  }
  return (
    <ConfirmDialog
      title={t('deleteKey.title')}
      confirmLabel={t('deleteKey.confirm')}
      onConfirm={() => void confirm()}
      onCancel={props.onCancel}
      isBusy={remove.isBusy}
      error={remove.error}
    >
      <p>
        <Trans
          t={t}
          i18nKey="deleteKey.body"
          values={{ key: displayBytes(props.keyBytes) }}
          components={{ code: <code className="break" /> }}
        />
      </p>
    </ConfirmDialog>
  )
}
