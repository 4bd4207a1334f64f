import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import { requestSchemas } from '../../../src/shared/contract'
import type { Result } from '../../../src/shared/result'
import { openTestEngine } from '../../helpers/engine-fixture'
import {
  FakeContents,
  PAGE,
  fakeIpcMain,
  fakeWindow,
  invokeEvent,
  recordingEngine,
  type FakeHandler,
} from './ipc-fakes'

const ipc = vi.hoisted(() => ({ main: null as ReturnType<typeof fakeIpcMain> | null }))
vi.mock('electron', () => ({
  get ipcMain() {
    return ipc.main
  },
}))

const { registerIpcBridge } = await import('../../../src/main/shell/ipc-bridge')

let dispose: (() => Promise<void>) | null = null
beforeEach(() => {
  ipc.main = fakeIpcMain()
})
afterEach(async () => {
  await dispose?.()
  dispose = null
})

function handler(channel: string): FakeHandler {
  const found = ipc.main!.handlers.get(channel)
  if (!found) throw new Error(`no handler for ${channel}`)
  return found
}

async function call(channel: string, event: unknown, arg: unknown): Promise<Result<unknown>> {
  return (await handler(channel)(event, arg)) as Result<unknown>
}

function setup(location = PAGE) {
  const stub = recordingEngine()
  const window = fakeWindow()
  dispose = registerIpcBridge(stub.engine as unknown as Engine, () => window as never, location)
  return { ...stub, window, contents: window.webContents }
}

describe('IPC bridge: channels', () => {
  it('registers a handler for every request channel of the contract and nothing else', () => {
    setup()
    expect([...ipc.main!.handlers.keys()].sort()).toEqual(Object.keys(requestSchemas).sort())
    expect(ipc.main!.on).not.toHaveBeenCalled()
  })

  it('removes its handlers when disposed', async () => {
    setup()
    await dispose?.()
    dispose = null
    expect(ipc.main!.handlers.size).toBe(0)
  })

  it('answers a trusted request from the engine', async () => {
    const { contents, calls } = setup()
    expect(await call('clusters:list', invokeEvent(contents), {})).toEqual({ ok: true, value: [] })
    expect(calls).toEqual(['listClusters'])
  })

  it('forwards engine events to the window as contract pushes', () => {
    const { emitter, contents } = setup()
    emitter.emit('cluster-removed', 'old', 42)
    expect(contents.send).toHaveBeenCalledWith('cluster:removed', { cluster: 'old', revision: 42 })
  })
})

describe('IPC bridge: page sessions', () => {
  it('closes the key watches of a page when it reloads or its window goes away', async () => {
    const { contents, calls } = setup()
    const watch = { cluster: 'c', prefix: new Uint8Array([0x2f]) }
    expect(await call('keys:watch', invokeEvent(contents), watch)).toMatchObject({ ok: true })
    expect(await call('keys:watch', invokeEvent(contents), watch)).toMatchObject({ ok: true })
    contents.emit('did-navigate')
    await vi.waitFor(() => expect(calls.filter((c) => c === 'keys.unwatch')).toHaveLength(2))
    expect(await call('keys:watch', invokeEvent(contents), watch)).toMatchObject({ ok: true })
    contents.emit('destroyed')
    await vi.waitFor(() => expect(calls.filter((c) => c === 'keys.unwatch')).toHaveLength(3))
  })
})

describe('IPC bridge: senders', () => {
  const refusedBy = async (event: unknown) => {
    const result = await call('clusters:list', event, {})
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  }

  it('refuses another webContents', async () => {
    const { calls } = setup()
    await refusedBy(invokeEvent(new FakeContents()))
    expect(calls).toEqual([])
  })

  it('refuses a subframe of the app window, even one showing our own page', async () => {
    const { contents, calls } = setup()
    const child = { ...contents.mainFrame, routingId: 2, parent: contents.mainFrame }
    await refusedBy(invokeEvent(contents, child))
    await refusedBy(invokeEvent(contents, null))
    expect(calls).toEqual([])
  })

  it('refuses our window when it shows a foreign URL', async () => {
    for (const url of ['https://evil.example/', 'file:///tmp/evil/index.html', 'not a url']) {
      const contents = new FakeContents(url)
      const stub = recordingEngine()
      const window = fakeWindow(contents)
      ipc.main = fakeIpcMain()
      const d = registerIpcBridge(stub.engine as unknown as Engine, () => window as never, PAGE)
      await refusedBy(invokeEvent(contents))
      stub.emitter.emit('cluster-removed', 'x')
      expect(contents.send).not.toHaveBeenCalled()
      expect(stub.calls).toEqual([])
      await d()
    }
  })

  it('refuses everything while there is no window', async () => {
    const stub = recordingEngine()
    dispose = registerIpcBridge(stub.engine as unknown as Engine, () => null, PAGE)
    await refusedBy(invokeEvent(new FakeContents()))
  })

  it('in dev, accepts only the dev server origin', async () => {
    const dev = { kind: 'dev', url: 'http://localhost:5173/' } as const
    const contents = new FakeContents('http://localhost:5173/index.html')
    const window = fakeWindow(contents)
    const stub = recordingEngine()
    dispose = registerIpcBridge(stub.engine as unknown as Engine, () => window as never, dev)
    expect(await call('clusters:list', invokeEvent(contents), {})).toMatchObject({ ok: true })
    contents.mainFrame.url = 'http://localhost:5174/index.html'
    await refusedBy(invokeEvent(contents))
  })
})

describe('IPC bridge: arguments', () => {
  const bad: [string, unknown][] = [
    ['cluster:start', { cluster: 42 }],
    ['cluster:start', { cluster: 'a\0b' }],
    ['cluster:start', { cluster: 'x'.repeat(1_000_000) }],
    ['cluster:start', { cluster: '../etc' }],
    ['cluster:start', { cluster: '..' }],
    ['member:stop', { cluster: 'ok', member: '../../bin' }],
    ['member:stop', { cluster: 'ok', member: 'etcd1\0' }],
    ['cluster:start', null],
    ['cluster:start', undefined],
    ['cluster:start', ['ok']],
    ['cluster:suggest', { memberCount: 8 }],
    ['cluster:suggest', { memberCount: -1 }],
    [
      'cluster:create',
      { name: 'c', etcdVersion: 'system', members: [{ name: 'e', clientPort: 1.5, peerPort: 2 }] },
    ],
    [
      'cluster:create',
      { name: 'c', etcdVersion: 'system', members: [{ name: 'e', clientPort: 2e20, peerPort: 2 }] },
    ],
    ['cluster:create', { name: 'c', etcdVersion: '../../usr/bin/sh', members: [] }],
    ['cluster:create', { name: 'c', etcdVersion: 'system', host: '0.0.0.0; rm', members: [] }],
    ['keys:get', { cluster: 'c', key: 'text, not bytes' }],
    ['keys:put', { cluster: 'c', key: new Uint8Array([1]), value: [1, 2, 3] }],
    ['keys:list', { cluster: 'c', prefix: new Uint8Array(), limit: 1e9 }],
    ['logs:get', { cluster: 'c', member: 'e', afterSeq: -5 }],
    ['keys:unwatch', { watchId: '../../x' }],
  ]

  it.each(bad)(
    'refuses %s %#: INVALID_REQUEST, never reaching the engine',
    async (channel, arg) => {
      const { contents, calls } = setup()
      const result = await call(channel, invokeEvent(contents), arg)
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
      expect(calls).toEqual([])
    },
  )

  it('with a real engine, ports out of range are refused before anything is created', async () => {
    const engine = await openTestEngine('ipc-ports')
    const window = fakeWindow()
    try {
      dispose = registerIpcBridge(engine, () => window as never, PAGE)
      for (const port of [-1, 0, 70_000]) {
        const spec = {
          name: 'bad',
          etcdVersion: 'system',
          members: [{ name: 'e1', clientPort: port, peerPort: 40_001 }],
        }
        const result = await call('cluster:create', invokeEvent(window.webContents), spec)
        expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_SPEC' } })
      }
      expect(engine.listClusters()).toEqual([])
    } finally {
      await dispose?.()
      dispose = null
      await engine.close()
    }
  })
})
