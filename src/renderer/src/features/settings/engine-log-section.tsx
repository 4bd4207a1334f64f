import { useId } from 'react'
import type { AppInfo } from '../../../../shared/contract'
import { useApi } from '../shared/api-context'
import { BusyButton } from '../shared/busy-button'
import { ErrorMessage } from '../shared/error-message'
import { useAction } from '../shared/use-action'
import { useEngineLogHref } from './engine-log-link'

/**
 * The "Engine log" row of Settings: where the engine writes what it did, with "Open engine log"
 * where the engine can open it (Electron) or a "View engine log" link in browser mode.
 */
export function EngineLogSection(props: { engineLog: AppInfo['engineLog'] | null }) {
  const { engineLog } = props
  const api = useApi()
  const headingId = useId()
  const href = useEngineLogHref()
  const open = useAction(() => api.request('app:open-engine-log', {}))
  return (
    <section className="settings__section" aria-labelledby={headingId}>
      <h3 id={headingId}>Engine log</h3>
      <p className="field__hint">
        What the engine did and why: starts, stops, crashes, adoptions, downloads. Attach it when
        you report a problem.
      </p>
      {engineLog ? (
        <div className="engine-log">
          <code className="engine-log__path">{engineLog.path}</code>
          {engineLog.canOpen ? (
            <BusyButton isBusy={open.isBusy} onClick={() => void open.run()}>
              Open engine log
            </BusyButton>
          ) : (
            href && (
              <a href={href} target="_blank" rel="noopener">
                View engine log
              </a>
            )
          )}
        </div>
      ) : (
        <p className="muted">Looking for the engine log…</p>
      )}
      {open.error && (
        <ErrorMessage
          error={open.error}
          context="Could not open the engine log"
          onDismiss={open.clearError}
        />
      )}
    </section>
  )
}
