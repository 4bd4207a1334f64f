import type { ReactNode } from 'react'
import type { ErrorData } from '../../../../shared/result'
import { useConnectionScope } from './connection-scope'
import { Trans, useTranslation } from '../../i18n'
import { ErrorMessage } from './error-message'
import { Modal } from './modal'

/**
 * Asks before a destructive action; stays open (busy) while it runs and shows its error. Inside a
 * connected cluster, the title and a warning name that cluster and its endpoints.
 */
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
  const connection = useConnectionScope()
  const { t } = useTranslation('shared')
  return (
    <Modal
      title={connection ? t('confirm.connectedTitle', { title, name: connection.name }) : title}
      onClose={onCancel}
      isBusy={isBusy}
    >
      {connection && (
        <p className="banner banner--warn">
          <span>
            <Trans
              t={t}
              i18nKey="confirm.connectedWarning"
              values={{ name: connection.name, endpoints: connection.endpoints.join(', ') }}
              components={{ strong: <strong /> }}
            />
          </span>
        </p>
      )}
      <div className="modal__body">{children}</div>
      {props.error && <ErrorMessage error={props.error} />}
      <div className="modal__actions">
        <button type="button" onClick={onCancel} disabled={isBusy}>
          {t('confirm.cancel')}
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
