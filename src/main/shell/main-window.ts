import { join } from 'node:path'
import { BrowserWindow, shell } from 'electron'
import type { RendererLocation } from './renderer-origin'

/** Creates the one app window, locked down: isolated, sandboxed, no Node, no navigation away. */
export function createMainWindow(location: RendererLocation): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    show: false,
    title: 'etcd Desk',
    webPreferences: {
      // Why .cjs: sandboxed preloads run as classic scripts; ESM preloads are not supported there.
      preload: join(__dirname, '../preload/index.cjs'),
      // Security: the window is untrusted with respect to the engine; it only sees the preload API.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  })
  window.once('ready-to-show', () => window.show())
  // Security: links open in the user's browser; the app window never loads foreign pages.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  // Security: the UI needs no camera, notifications, clipboard reads …; only writing to the
  // clipboard (the "copy command" buttons) is granted, every other permission is denied.
  const isAllowed = (permission: string): boolean => permission === 'clipboard-sanitized-write'
  const session = window.webContents.session
  session.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(isAllowed(permission)),
  )
  session.setPermissionCheckHandler((_wc, permission) => isAllowed(permission))
  if (location.kind === 'dev') void window.loadURL(location.url)
  else void window.loadFile(location.path)
  return window
}
