import { app, BrowserWindow, dialog, shell } from 'electron'
import { Engine } from './engine/engine'
import { SettingsStore } from './settings/settings-store'
import { showAbout } from './shell/about-dialog'
import { openDialog, saveDialog } from './shell/file-dialogs'
import { installAppMenu } from './shell/app-menu-install'
import { registerIpcBridge, sendPush } from './shell/ipc-bridge'
import { createMainWindow } from './shell/main-window'
import { guardQuit } from './shell/quit-guard'
import { rendererLocation } from './shell/renderer-origin'
import { safeStorageBox } from './shell/safe-storage-box'

const location = rendererLocation(__dirname)
let mainWindow: BrowserWindow | null = null
const windowRef = (): BrowserWindow | null => mainWindow

function openWindow(): void {
  mainWindow = createMainWindow(location)
  mainWindow.on('closed', () => (mainWindow = null))
}

/** One instance: a second launch focuses the first window instead of starting a second engine. */
function focusWindow(): void {
  if (!mainWindow) return openWindow()
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

async function start(): Promise<void> {
  const settings = await SettingsStore.open()
  let engine: Engine
  try {
    engine = await Engine.open({
      appVersion: app.getVersion(),
      settings,
      openPath: (path) => shell.openPath(path),
      secrets: safeStorageBox(),
      chooseSavePath: saveDialog(windowRef),
      chooseOpenPath: openDialog(windowRef),
    })
  } catch (error) {
    // Typically another etcd Desk owns the data directory: say so instead of a blank window.
    dialog.showErrorBox(
      'etcd Desk cannot start',
      error instanceof Error ? error.message : String(error),
    )
    app.exit(1)
    return
  }
  const disposeIpc = registerIpcBridge(engine, windowRef, location)
  guardQuit(engine, settings, disposeIpc)
  installAppMenu(settings, {
    isDev: !app.isPackaged,
    isMac: process.platform === 'darwin',
    send: (command) => sendPush(windowRef, location, 'app:command', { command }),
    showAbout: () => void showAbout(engine, app.getVersion(), mainWindow),
    openDocs: () => void shell.openExternal('https://etcd.io/docs/'),
  })
  openWindow()
  const loadError = settings.view().loadError
  if (loadError) dialog.showErrorBox('Settings could not be read; defaults are used', loadError)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow()
  })
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', focusWindow)
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Nothing to show it in yet: say it on stderr and leave with a failure status.
      process.stderr.write(`etcd Desk could not start: ${String(error)}\n`)
      app.exit(1)
    })
  app.on('window-all-closed', () => {
    // Platform branch: macOS apps stay alive without windows until the user quits.
    if (process.platform !== 'darwin') app.quit()
  })
}
