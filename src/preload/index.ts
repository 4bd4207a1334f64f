import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { isPushChannel, isRequestChannelName } from '../shared/channels'
import type { EtcdDeskApi, PushChannel } from '../shared/contract'
import type { Result } from '../shared/result'

/**
 * The window's only door to the engine: `window.etcdDesk`, typed by the contract. Security: it
 * forwards contract channels only and never hands out ipcRenderer, events or anything generic.
 */

type Listener = (payload: unknown) => void

/** One IPC listener per push channel, fanned out, so many subscribers never pile up listeners. */
const listeners = new Map<PushChannel, Set<Listener>>()

function dispatcher(channel: PushChannel): (event: IpcRendererEvent, payload: unknown) => void {
  // The IPC event (with its sender object) stays here; the window receives the payload only.
  return (_event, payload) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload)
  }
}

function listen(channel: PushChannel): Set<Listener> {
  const set = new Set<Listener>()
  listeners.set(channel, set)
  ipcRenderer.on(channel, dispatcher(channel))
  return set
}

const etcdDesk: EtcdDeskApi = {
  request(channel, arg) {
    if (!isRequestChannelName(channel)) {
      const refused: Result<never> = {
        ok: false,
        error: {
          code: 'INVALID_REQUEST',
          message: `Unknown request channel: ${String(channel).slice(0, 64)}`,
        },
      }
      return Promise.resolve(refused)
    }
    return ipcRenderer.invoke(channel, arg)
  },
  subscribe(channel, listener) {
    if (!isPushChannel(channel)) throw new TypeError(`Unknown push channel: ${String(channel)}`)
    const set = listeners.get(channel) ?? listen(channel)
    const own = (payload: unknown): void => listener(payload as never)
    set.add(own)
    return () => {
      set.delete(own)
    }
  },
}

contextBridge.exposeInMainWorld('etcdDesk', etcdDesk)
