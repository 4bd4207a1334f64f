import { useId, useLayoutEffect, useRef, type ReactNode } from 'react'

/**
 * A modal dialog on the native `<dialog>` (`showModal()`: focus moves in and is trapped, the page
 * behind is inert, focus comes back on close). It is labelled by its title. Escape or a click on
 * the backdrop asks `onClose` unless it is busy; the parent closes it by unmounting it.
 */
export function Modal(props: {
  title: string
  onClose: () => void
  children: ReactNode
  /** Blocks Escape and the backdrop while something runs. */
  isBusy?: boolean
  size?: 'small' | 'large'
}) {
  const { title, onClose, children, isBusy = false, size = 'small' } = props
  const titleId = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  const isUnmounting = useRef(false)
  useLayoutEffect(() => {
    const element = dialog.current
    if (!element) return
    isUnmounting.current = false
    if (!element.open) element.showModal()
    return () => {
      isUnmounting.current = true
      // Why close before React removes it: closing is what gives focus back to the opener.
      element.close()
    }
  }, [])
  // Escape: the dialog stays React's to close, so the browser never closes it on its own.
  const onCancel = (event: React.SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault()
    if (!isBusy) onClose()
  }
  // Chrome closes without a cancelable `cancel` on a repeated Escape (close watchers' abuse rule):
  // a busy dialog opens again, an idle one is closed for good.
  const onClosed = () => {
    const element = dialog.current
    if (isUnmounting.current || !element) return
    if (isBusy) element.showModal()
    else onClose()
  }
  return (
    <dialog
      ref={dialog}
      className={`modal modal--${size}`}
      aria-labelledby={titleId}
      onCancel={onCancel}
      onClose={onClosed}
      // The panel fills the dialog, so a press on the dialog element itself is on its backdrop.
      onMouseDown={(e) => e.target === e.currentTarget && !isBusy && onClose()}
    >
      <div className="modal__panel">
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  )
}
