import { silentLog } from '../../../src/main/log/engine-log'
import { EventEmitter } from 'node:events'
import { pathToFileURL } from 'node:url'
import { vi } from 'vitest'
import type { RendererLocation } from '../../../src/main/shell/renderer-origin'

/** A handler as registered with ipcMain.handle. */
export type FakeHandler = (event: unknown, arg: unknown) => unknown

/** Where the fake app page lives. */
export const PAGE: RendererLocation = {
  kind: 'file',
  path: '/opt/etcd-desk/out/renderer/index.html',
}
/** The URL of the fake app page. */
const PAGE_URL = pathToFileURL(PAGE.path).href

/** A fake ipcMain that records handlers. */
export function fakeIpcMain() {
  const handlers = new Map<string, FakeHandler>()
  return {
    handlers,
    handle: vi.fn((channel: string, handler: FakeHandler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, handler)
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    on: vi.fn(),
  }
}

/** A frame as WebFrameMain shows it. */
export interface FakeFrame {
  url: string
  processId: number
  routingId: number
  parent: FakeFrame | null
}

/** A fake WebContents: events, a main frame, and recorded sends. */
export class FakeContents extends EventEmitter {
  readonly send = vi.fn()
  readonly isDestroyed = (): boolean => false
  readonly mainFrame: FakeFrame
  constructor(url = PAGE_URL, processId = 4) {
    super()
    this.mainFrame = { url, processId, routingId: 1, parent: null }
  }
  getURL(): string {
    return this.mainFrame.url
  }
}

/** A fake BrowserWindow around a FakeContents. */
export function fakeWindow(contents = new FakeContents()) {
  return { webContents: contents, isDestroyed: () => false }
}

/** An invoke event from a frame of `contents` (its main frame unless another is given). */
export function invokeEvent(contents: FakeContents, frame: FakeFrame | null = contents.mainFrame) {
  return { sender: contents, senderFrame: frame }
}

/**
 * An engine stand-in that records every method call. Only event (un)registration is expected
 * from the bridge itself; any other call means a request reached the engine.
 */
export function recordingEngine() {
  const calls: string[] = []
  const emitter = new EventEmitter()
  const keysEmitter = new EventEmitter()
  const releasesEmitter = new EventEmitter()
  const transfersEmitter = new EventEmitter()
  // Parts of the engine that push (progress, the cluster timeline) are emitters of their own.
  const pushing = new Map<string, EventEmitter>()
  const record = (target: EventEmitter, prefix: string) =>
    new Proxy(target, {
      get(t, prop, receiver) {
        if (prop === 'on' || prop === 'off') return Reflect.get(t, prop, receiver).bind(t)
        if (prop === 'keys' && prefix === '') return keys
        if (prop === 'releases' && prefix === '') return releases
        if (prop === 'transfers' && prefix === '') return transfers
        if ((prop === 'diagnosis' || prop === 'timeline') && prefix === '') {
          if (!pushing.has(prop)) pushing.set(prop, record(new EventEmitter(), `${prop}.`))
          return pushing.get(prop)
        }
        if (prop === 'options') return { appVersion: '9.9.9' }
        if (prop === 'layout') return { root: '/data' }
        if (prop === 'log') return silentLog()
        return () => {
          calls.push(`${prefix}${String(prop)}`)
          if (prop === 'listClusters') return []
          if (prop === 'watch') return Promise.resolve(`watch-${calls.length}`)
          return prop === 'systemEtcd' ? Promise.resolve(null) : Promise.resolve(undefined)
        }
      },
    })
  const keys = record(keysEmitter, 'keys.')
  const releases = record(releasesEmitter, 'releases.')
  const transfers = record(transfersEmitter, 'transfers.')
  const engine = record(emitter, '')
  return { engine, calls, emitter, keysEmitter }
}
