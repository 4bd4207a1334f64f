import { useEffect, useId, useRef, type ReactNode } from 'react'

const FOCUSABLE =
  'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])'

/** A modal dialog: labelled by its title, Escape closes it, focus moves in and comes back after. */
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
  const panel = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    panel.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus()
    return () => previous?.focus?.()
  }, [])
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape' && !isBusy) {
      event.stopPropagation()
      onClose()
    }
  }
  return (
    <div
      className="modal-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && !isBusy && onClose()}
    >
      <div
        ref={panel}
        className={`modal modal--${size}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  )
}
