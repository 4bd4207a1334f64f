import { useId } from 'react'
import type { AppInfo } from '../../../../shared/contract'
import { useTranslation } from '../../i18n'
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
  const { t } = useTranslation('settings')
  const open = useAction(() => api.request('app:open-engine-log', {}))
  return (
    <section className="settings__section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('engineLog.title')}</h3>
      <p className="field__hint">{t('engineLog.note')}</p>
      {engineLog ? (
        <div className="engine-log">
          <code className="engine-log__path">{engineLog.path}</code>
          {engineLog.canOpen ? (
            <BusyButton isBusy={open.isBusy} onClick={() => void open.run()}>
              {t('engineLog.open')}
            </BusyButton>
          ) : (
            href && (
              <a href={href} target="_blank" rel="noopener">
                {t('engineLog.view')}
              </a>
            )
          )}
        </div>
      ) : (
        <p className="muted">{t('engineLog.looking')}</p>
      )}
      {open.error && (
        <ErrorMessage
          error={open.error}
          context={t('engineLog.openFailed')}
          onDismiss={open.clearError}
        />
      )}
    </section>
  )
}
