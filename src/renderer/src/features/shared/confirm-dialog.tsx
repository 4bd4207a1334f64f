import type { ReactNode } from 'react'
import type { ErrorData } from '../../../../shared/result'
import { ErrorMessage } from './error-message'
import { Modal } from './modal'

/** Asks before a destructive action; stays open (busy) while it runs and shows its error. */
export function ConfirmDialog(props: {
  title: string
  children: ReactNode
  confirmLabel: string
  onConfirm: () => void
  onCancel: () => void
  isBusy?: boolean
  isConfirmDisabled?: boolean
  error?: ErrorData | null
}) {
  const { title, children, confirmLabel, onConfirm, onCancel, isBusy = false } = props
  return (
    <Modal title={title} onClose={onCancel} isBusy={isBusy}>
      <div className="modal__body">{children}</div>
      {props.error && <ErrorMessage error={props.error} />}
      <div className="modal__actions">
        <button type="button" onClick={onCancel} disabled={isBusy}>
          Cancel
        </button>
        <button
          type="button"
          className="button--danger"
          onClick={onConfirm}
          disabled={isBusy || props.isConfirmDisabled}
          aria-busy={isBusy}
        >
          {isBusy ? <span className="spinner" aria-hidden="true" /> : null}
          {confirmLabel}
        </button>
      </div>
    </Modal>
  )
}
