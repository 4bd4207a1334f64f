import { useConnection } from './api-context'

/** A banner while the link to the engine is lost or being re-established; gone once it is back. */
export function ConnectionBanner() {
  const { state, hasConnected, reconnectNow } = useConnection()
  const isLost = state === 'reconnecting' || (state === 'connecting' && hasConnected)
  if (!isLost) return null
  return (
    <div className="banner banner--error desk__banner" role="alert">
      <strong>Connection to etcd Desk lost.</strong> What you see may be out of date and actions
      will fail until it is back; this window reconnects by itself and then refreshes. In browser
      mode, check that the server (npm run web) is still running.
      {reconnectNow && (
        <button type="button" className="button--small" onClick={reconnectNow}>
          Reconnect now
        </button>
      )}
    </div>
  )
}
