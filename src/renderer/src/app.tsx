import { api, onConnectionChange, reconnectNow } from './api'
import { Desk } from './features/desk/desk'
import { ApiProvider } from './features/shared/api-context'
import './styles/index.css'

/** The window: the engine API (IPC in Electron, WebSocket in browser mode) wired into the screens. */
export function App() {
  return (
    <ApiProvider api={api} onConnectionChange={onConnectionChange} onReconnectNow={reconnectNow}>
      <Desk />
    </ApiProvider>
  )
}
