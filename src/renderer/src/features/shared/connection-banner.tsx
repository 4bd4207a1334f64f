import { useTranslation } from '../../i18n'
import { useConnection } from './api-context'

/** A banner while the link to the engine is lost or being re-established; gone once it is back. */
export function ConnectionBanner() {
  const { state, hasConnected, reconnectNow } = useConnection()
  const { t } = useTranslation('shared')
  const isLost = state === 'reconnecting' || (state === 'connecting' && hasConnected)
  if (!isLost) return null
  return (
    <div className="banner banner--error desk__banner" role="alert">
      <strong>{t('banner.lost')}</strong>
      {t('banner.lostBody')}
      {reconnectNow && (
        <button type="button" className="button--small" onClick={reconnectNow}>
          {t('banner.reconnect')}
        </button>
      )}
    </div>
  )
}
