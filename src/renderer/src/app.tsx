import { engineLogUrl, snapshotDownloadUrl } from '../../shared/ws-url'
import { api, onConnectionChange, reconnectNow, transport } from './api'
import { Desk } from './features/desk/desk'
import { apiReleaseCatalog } from './features/create-cluster/api-release-catalog'
import { ReleaseCatalogProvider } from './features/create-cluster/release-catalog'
import { EngineLogHrefProvider } from './features/settings/engine-log-link'
import { SnapshotHrefProvider } from './features/maintenance/snapshot-links'
import { TransferLinksProvider } from './features/transfer/transfer-links'
import { browserTransferLinks } from './browser-transfer'
import { ApiProvider } from './features/shared/api-context'
import { ErrorBoundary } from './features/shared/error-boundary'
import { ShortcutKeysProvider } from './features/shared/app-commands'
import { LanguageFromSettings } from './i18n/language-from-settings'
import './styles/index.css'

const releases = apiReleaseCatalog(api)
// Browser mode downloads snapshots from the server; Electron saves a copy through a dialog.
const snapshotHref =
  transport === 'websocket' ? (id: string) => snapshotDownloadUrl(window.location, id) : null
// Browser mode downloads exports and uploads import files; Electron shows save and open dialogs.
const transferLinks = transport === 'websocket' ? browserTransferLinks(window.location) : null

/**
 * The window: the engine API (IPC in Electron, WebSocket in browser mode) wired into the screens.
 * Shortcut keys are read here only in browser mode: Electron's menu accelerators send them already.
 * A render error anywhere shows "Something went wrong" with "Reload window", never a blank window.
 */
export function App() {
  // Browser mode serves the engine log as a page; Electron opens the file (app:open-engine-log).
  const engineLogHref = transport === 'websocket' ? engineLogUrl(window.location) : null
  return (
    <ErrorBoundary>
      <ApiProvider api={api} onConnectionChange={onConnectionChange} onReconnectNow={reconnectNow}>
        <LanguageFromSettings />
        <ShortcutKeysProvider isEnabled={transport === 'websocket'}>
          <ReleaseCatalogProvider value={releases}>
            <EngineLogHrefProvider value={engineLogHref}>
              <SnapshotHrefProvider value={snapshotHref}>
                <TransferLinksProvider value={transferLinks}>
                  <Desk />
                </TransferLinksProvider>
              </SnapshotHrefProvider>
            </EngineLogHrefProvider>
          </ReleaseCatalogProvider>
        </ShortcutKeysProvider>
      </ApiProvider>
    </ErrorBoundary>
  )
}
