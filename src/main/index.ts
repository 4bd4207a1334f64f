import { app, BrowserWindow, dialog } from 'electron'
import { Engine } from './engine/engine'
import { registerIpcBridge } from './shell/ipc-bridge'
import { createMainWindow } from './shell/main-window'
import { rendererLocation } from './shell/renderer-origin'

/** Why: quitting must stop every member, but never hang the quit on a stuck process. */
const QUIT_STOP_DEADLINE_MS = 15_000

const location = rendererLocation(__dirname)
let engine: Engine | null = null
let mainWindow: BrowserWindow | null = null
let disposeIpc: (() => Promise<void>) | null = null
let isQuitting = false

function openWindow(): void {
  mainWindow = createMainWindow(location)
  mainWindow.on('closed', () => (mainWindow = null))
}

app.whenReady().then(async () => {
  try {
    engine = await Engine.open({ appVersion: app.getVersion() })
  } catch (error) {
    // Typically another etcd Desk owns the data directory: say so instead of a blank window.
    dialog.showErrorBox(
      'etcd Desk cannot start',
      error instanceof Error ? error.message : String(error),
    )
    app.exit(1)
    return
  }
  disposeIpc = registerIpcBridge(engine, () => mainWindow, location)
  openWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow()
  })
})

app.on('window-all-closed', () => {
  // Platform branch: macOS apps stay alive without windows until the user quits.
  if (process.platform !== 'darwin') app.quit()
})

app.on('before-quit', (event) => {
  if (isQuitting || !engine) return
  event.preventDefault()
  isQuitting = true
  const running = engine
  const stop = async (): Promise<void> => {
    await disposeIpc?.()
    await running.close()
  }
  const deadline = new Promise((r) => setTimeout(r, QUIT_STOP_DEADLINE_MS))
  void Promise.race([stop(), deadline]).finally(() => app.quit())
})

// A terminal's Ctrl-C or a service manager's SIGTERM quits like the menu does (bounded stop).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit())
