import { api, onConnectionChange, reconnectNow, transport } from './api'
import { Desk } from './features/desk/desk'
import { apiReleaseCatalog } from './features/create-cluster/api-release-catalog'
import { ReleaseCatalogProvider } from './features/create-cluster/release-catalog'
import { ApiProvider } from './features/shared/api-context'
import { ErrorBoundary } from './features/shared/error-boundary'
import { ShortcutKeysProvider } from './features/shared/app-commands'
import './styles/index.css'

const releases = apiReleaseCatalog(api)

/**
 * The window: the engine API (IPC in Electron, WebSocket in browser mode) wired into the screens.
 * Shortcut keys are read here only in browser mode: Electron's menu accelerators send them already.
 * A render error anywhere shows "Something went wrong" with "Reload window", never a blank window.
 */
export function App() {
  return (
    <ErrorBoundary>
      <ApiProvider api={api} onConnectionChange={onConnectionChange} onReconnectNow={reconnectNow}>
        <ShortcutKeysProvider isEnabled={transport === 'websocket'}>
          <ReleaseCatalogProvider value={releases}>
            <Desk />
          </ReleaseCatalogProvider>
        </ShortcutKeysProvider>
      </ApiProvider>
    </ErrorBoundary>
  )
}
