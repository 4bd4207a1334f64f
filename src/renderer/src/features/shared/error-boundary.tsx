import { Component, type ReactNode } from 'react'
import { i18n } from '../../i18n'

/** Reloads the whole window: what "Reload window" does unless a test says otherwise. */
function reloadWindow(): void {
  window.location.reload()
}

/** The message of whatever was thrown. */
function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name
  return String(error)
}

interface Props {
  children: ReactNode
  /** Where it sits, for the title ("the Logs tab"); absent for the whole window. */
  area?: string
  onReload?: () => void
}

/**
 * Catches a render error below it (GitHub Desktop's crash window, in small): instead of a blank
 * window it says something went wrong, shows the error's message and offers "Reload window"; a
 * boundary around one area (a tab) also offers "Try again" and leaves the rest of the window alive.
 */
export class ErrorBoundary extends Component<Props, { error: unknown; hasError: boolean }> {
  override state = { error: null as unknown, hasError: false }

  /** Switches to the fallback on the next render. */
  static getDerivedStateFromError(error: unknown) {
    return { error, hasError: true }
  }

  override render() {
    const { area, onReload = reloadWindow } = this.props
    if (!this.state.hasError) return this.props.children
    return (
      <div className={area ? 'error-box' : 'error-box crash-screen'} role="alert">
        <div className="error-box__head">
          <strong>
            {area ? i18n.t('shared:crash.titleIn', { area }) : i18n.t('shared:crash.title')}
          </strong>
        </div>
        <p className="error-box__message">{messageOf(this.state.error)}</p>
        <p className="error-box__hint">
          <span aria-hidden="true">→ </span>
          {i18n.t('shared:crash.hint')}
        </p>
        <div className="error-box__actions">
          <button type="button" className="button--primary" onClick={onReload}>
            {i18n.t('shared:crash.reload')}
          </button>
          {area && (
            <button type="button" onClick={() => this.setState({ error: null, hasError: false })}>
              {i18n.t('shared:crash.tryAgain')}
            </button>
          )}
        </div>
      </div>
    )
  }
}
