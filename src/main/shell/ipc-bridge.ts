import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { REQUEST_CHANNELS } from '../../shared/channels'
import type { PushChannel, PushMap } from '../../shared/contract'
import type { Result } from '../../shared/result'
import { openClientSession, type ClientSession } from '../contract/client-session'
import { bridgePushes } from '../contract/push-bridge'
import type { Engine } from '../engine/engine'
import { isOwnRendererUrl, type RendererLocation } from './renderer-origin'

/** Why a getter: the window can be closed and re-created (macOS activate) while the engine lives on. */
export type WindowRef = () => BrowserWindow | null

/**
 * True when an IPC call comes from the app window's top frame showing our own page. Security: an
 * iframe, another window or a page that got navigated elsewhere must not reach the engine.
 */
function isTrustedSender(
  event: IpcMainInvokeEvent,
  window: BrowserWindow | null,
  location: RendererLocation,
): boolean {
  if (!window || window.isDestroyed()) return false
  const contents = window.webContents
  if (event.sender !== contents) return false
  const frame = event.senderFrame
  const main = contents.mainFrame
  if (!frame || frame.parent !== null) return false
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false
  return isOwnRendererUrl(location, frame.url)
}

const refused: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This window is not allowed to talk to the engine.' },
}

/**
 * Answers every contract request channel (and nothing else) over IPC and forwards engine pushes
 * to the window. Returns a disposer that removes the handlers and closes the window's watches.
 */
export function registerIpcBridge(
  engine: Engine,
  windowRef: WindowRef,
  location: RendererLocation,
): () => Promise<void> {
  // One session per page load: a reload or a closed window ends the old page's key watches.
  const sessions = new Map<WebContents, ClientSession>()
  const sessionFor = (contents: WebContents): ClientSession => {
    const existing = sessions.get(contents)
    if (existing) return existing
    // This page's own pushes (its key watches) go to it alone, while it shows our page.
    const session = openClientSession(engine, (channel, payload) => {
      if (!contents.isDestroyed() && isOwnRendererUrl(location, contents.getURL()))
        contents.send(channel, payload)
    })
    sessions.set(contents, session)
    const end = (): void => {
      contents.off('did-navigate', end)
      contents.off('destroyed', end)
      sessions.delete(contents)
      void session.close()
    }
    contents.on('did-navigate', end)
    contents.on('destroyed', end)
    return session
  }

  for (const channel of REQUEST_CHANNELS) {
    ipcMain.handle(channel, (event, arg: unknown) => {
      if (!isTrustedSender(event, windowRef(), location)) return refused
      return sessionFor(event.sender).request(channel, arg)
    })
  }
  const unbridge = bridgePushes(engine, (channel, payload) =>
    sendPush(windowRef, location, channel, payload),
  )
  return async () => {
    unbridge()
    for (const channel of REQUEST_CHANNELS) ipcMain.removeHandler(channel)
    await Promise.all([...sessions.values()].map((session) => session.close()))
    sessions.clear()
  }
}

/** Sends a contract push to the app window, only while it shows our own page. */
export function sendPush<P extends PushChannel>(
  windowRef: WindowRef,
  location: RendererLocation,
  channel: P,
  payload: PushMap[P],
): void {
  const window = windowRef()
  if (!window || window.isDestroyed()) return
  // Security: engine data goes only to our own page, never to whatever else the window shows.
  if (isOwnRendererUrl(location, window.webContents.getURL()))
    window.webContents.send(channel, payload)
}
