import { beforeAll, describe, expect, it, vi } from 'vitest'
import { PUSH_CHANNELS, REQUEST_CHANNELS } from '../../../src/shared/channels'
import { requestSchemas, type EtcdDeskApi } from '../../../src/shared/contract'

const fake = vi.hoisted(() => ({
  exposed: [] as [string, unknown][],
  ipcListeners: new Map<string, ((event: unknown, payload: unknown) => void)[]>(),
}))

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: vi.fn((key: string, value: unknown) => fake.exposed.push([key, value])),
  },
  ipcRenderer: {
    invoke: vi.fn(async (channel: string, arg: unknown) => ({ ok: true, value: { channel, arg } })),
    on: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => void) => {
      fake.ipcListeners.set(channel, [...(fake.ipcListeners.get(channel) ?? []), listener])
    }),
    send: vi.fn(),
    sendSync: vi.fn(),
  },
}))

let api: EtcdDeskApi
let electron: typeof import('electron')
beforeAll(async () => {
  electron = await import('electron')
  await import('../../../src/preload/index')
  api = fake.exposed[0]![1] as EtcdDeskApi
})

describe('preload', () => {
  it('exposes exactly one object, window.etcdDesk, with only request and subscribe', () => {
    expect(fake.exposed.map(([key]) => key)).toEqual(['etcdDesk'])
    expect(Object.keys(api).sort()).toEqual(['request', 'subscribe'])
    for (const value of Object.values(api)) expect(value).not.toBe(electron.ipcRenderer)
  })

  it('forwards contract requests to ipcRenderer.invoke', async () => {
    const arg = { cluster: 'c', key: new Uint8Array([0, 255]) }
    expect(await api.request('keys:get', arg)).toEqual({
      ok: true,
      value: { channel: 'keys:get', arg },
    })
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('keys:get', arg)
  })

  it('refuses channels outside the contract without touching IPC', async () => {
    vi.mocked(electron.ipcRenderer.invoke).mockClear()
    for (const channel of [
      'ELECTRON_BROWSER_REQUIRE',
      'evil:channel',
      '',
      '__proto__',
      'toString',
    ]) {
      const result = await api.request(channel as never, {} as never)
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
    }
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled()
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled()
  })

  it('subscribes to push channels only, with one IPC listener per channel, payload only', () => {
    const first = vi.fn()
    const second = vi.fn()
    const offFirst = api.subscribe('logs:append', first)
    api.subscribe('logs:append', second)
    expect(fake.ipcListeners.get('logs:append')).toHaveLength(1)
    const batch = { cluster: 'c', lines: [] }
    fake.ipcListeners.get('logs:append')![0]!({ sender: 'ipc internals' }, batch)
    expect(first).toHaveBeenCalledWith(batch)
    expect(first.mock.calls[0]).toHaveLength(1)
    offFirst()
    fake.ipcListeners.get('logs:append')![0]!({}, batch)
    expect(first).toHaveBeenCalledTimes(1)
    expect(second).toHaveBeenCalledTimes(2)
    expect(() => api.subscribe('cluster:create' as never, vi.fn())).toThrow(/push channel/)
    expect(() => api.subscribe('ELECTRON_GUEST' as never, vi.fn())).toThrow(/push channel/)
  })

  it('checks channels against lists that match the contract exactly', () => {
    expect([...REQUEST_CHANNELS].sort()).toEqual(Object.keys(requestSchemas).sort())
    expect(new Set(PUSH_CHANNELS).size).toBe(PUSH_CHANNELS.length)
  })
})
