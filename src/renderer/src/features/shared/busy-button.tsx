import type { ButtonHTMLAttributes } from 'react'

/** A button that shows a spinner and is disabled while its action runs. */
export function BusyButton(props: ButtonHTMLAttributes<HTMLButtonElement> & { isBusy: boolean }) {
  const { isBusy, disabled, children, type = 'button', ...rest } = props
  return (
    <button {...rest} type={type} disabled={disabled || isBusy} aria-busy={isBusy}>
      {isBusy && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  )
}
