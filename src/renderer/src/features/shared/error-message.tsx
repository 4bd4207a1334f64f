import type { ErrorData } from '../../../../shared/result'
import { errorFacts, errorLogTail } from './error-facts'
import { hintFor } from './error-hints'
import { useTranslation } from '../../i18n'

/** An error as the user reads it: what happened, the engine's message, facts and what to do. */
export function ErrorMessage(props: {
  error: ErrorData
  /** Says what was being done, e.g. "Could not kill etcd2". */
  context?: string
  onDismiss?: () => void
  onRetry?: () => void
}) {
  const { error, context, onDismiss, onRetry } = props
  const { t } = useTranslation('shared')
  const { t: tErrors } = useTranslation('errors')
  const { title, hint } = hintFor(error.code, tErrors)
  const facts = errorFacts(error, t)
  const logTail = errorLogTail(error)
  return (
    <div className="error-box" role="alert">
      <div className="error-box__head">
        <strong>{context ? t('error.context', { what: context, title }) : title}</strong>
        <code className="error-box__code">{error.code}</code>
      </div>
      {/* The engine writes its messages in English: a screen reader in a Japanese window reads
          them with an English voice, and the title, facts and hint around them are translated. */}
      <p className="error-box__message" lang="en">
        {error.message}
      </p>
      {facts.length > 0 && (
        <ul className="error-box__facts">
          {facts.map((fact) => (
            <li key={fact}>{fact}</li>
          ))}
        </ul>
      )}
      <p className="error-box__hint">
        <span aria-hidden="true">→ </span>
        {hint}
      </p>
      {logTail.length > 0 && (
        <details className="error-box__tail" open>
          <summary>{t('error.lastLines')}</summary>
          <pre>{logTail.join('\n')}</pre>
        </details>
      )}
      {(onRetry || onDismiss) && (
        <div className="error-box__actions">
          {onRetry && (
            <button type="button" onClick={onRetry}>
              {t('error.retry')}
            </button>
          )}
          {onDismiss && (
            <button type="button" className="button--quiet" onClick={onDismiss}>
              {t('error.dismiss')}
            </button>
          )}
        </div>
      )}
    </div>
  )
}
