import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { EtcdDeskApi } from '../../../../shared/contract'
import type { ConnectionState } from '../../../../shared/ws-client'

/** Subscribes to connection changes; returns the unsubscribe. */
export type ConnectionSource = (listener: (state: ConnectionState) => void) => () => void

/** The connection as components see it; `epoch` grows on each reconnect so data is fetched again. */
export interface Connection {
  state: ConnectionState
  /** True once the first 'connected' arrived: a later 'connecting' is a reconnect. */
  hasConnected: boolean
  epoch: number
  /** Retries at once instead of waiting for the next back-off step, where the transport can. */
  reconnectNow?: () => void
}

const ApiContext = createContext<EtcdDeskApi | null>(null)
const INITIAL_CONNECTION: Connection = { state: 'connected', hasConnected: false, epoch: 0 }
const ConnectionContext = createContext<Connection>(INITIAL_CONNECTION)

/** Next connection after a change: reconnecting after having been connected bumps the epoch. */
function nextConnection(prev: Connection, state: ConnectionState): Connection {
  if (state === prev.state && (state !== 'connected' || prev.hasConnected)) return prev
  if (state !== 'connected') return { ...prev, state }
  const isReconnect = prev.hasConnected && prev.state !== 'connected'
  return { state, hasConnected: true, epoch: isReconnect ? prev.epoch + 1 : prev.epoch }
}

/** Gives every component below it the engine API (real, or a fake in tests) and the connection. */
export function ApiProvider(props: {
  api: EtcdDeskApi
  onConnectionChange?: ConnectionSource
  onReconnectNow?: () => void
  children: ReactNode
}) {
  const { api, onConnectionChange, onReconnectNow, children } = props
  const [connection, setConnection] = useState(INITIAL_CONNECTION)
  useEffect(() => {
    if (!onConnectionChange) return
    return onConnectionChange((state) => setConnection((prev) => nextConnection(prev, state)))
  }, [onConnectionChange])
  const value = useMemo(
    () => ({ ...connection, reconnectNow: onReconnectNow }),
    [connection, onReconnectNow],
  )
  return (
    <ApiContext.Provider value={api}>
      <ConnectionContext.Provider value={value}>{children}</ConnectionContext.Provider>
    </ApiContext.Provider>
  )
}

/** The engine API from the nearest ApiProvider. */
export function useApi(): EtcdDeskApi {
  const api = useContext(ApiContext)
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it.')
  return api
}

/** The connection to the engine (state and reconnect epoch). */
export function useConnection(): Connection {
  return useContext(ConnectionContext)
}
