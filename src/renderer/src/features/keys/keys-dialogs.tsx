import type { KeyActionListener } from './key-action'
import { DeleteKeyDialog } from './delete-key-dialog'
import { DeletePrefixDialog } from './delete-prefix-dialog'

/** Which confirmation is open in the Keys tab. */
export type KeysDialog = { kind: 'key'; key: Uint8Array } | { kind: 'prefix'; prefix: Uint8Array }

/** The Keys tab's delete confirmations; reports what was deleted. */
export function KeysDialogs(props: {
  cluster: string
  dialog: KeysDialog | null
  onClose: () => void
  onAction: KeyActionListener
  onKeyDeleted: () => void
}) {
  const { cluster, dialog, onClose, onAction } = props
  if (dialog?.kind === 'key') {
    return (
      <DeleteKeyDialog
        cluster={cluster}
        keyBytes={dialog.key}
        onCancel={onClose}
        onDeleted={() => {
          onAction({ kind: 'delete', key: dialog.key })
          props.onKeyDeleted()
          onClose()
        }}
      />
    )
  }
  if (dialog?.kind === 'prefix') {
    return (
      <DeletePrefixDialog
        cluster={cluster}
        prefix={dialog.prefix}
        onCancel={onClose}
        onDeleted={() => {
          onAction({ kind: 'delete-prefix', prefix: dialog.prefix })
          props.onKeyDeleted()
          onClose()
        }}
      />
    )
  }
  return null
}
