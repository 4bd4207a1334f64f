import { beforeEach, describe, expect, it, vi } from 'vitest'

/** What the fake BrowserWindow saw. */
const seen = vi.hoisted(() => ({
  options: null as null | { webPreferences: Record<string, unknown> },
  handlers: new Map<string, (...args: unknown[]) => void>(),
  openHandler: null as null | ((details: { url: string }) => { action: string }),
  permissionRequest: null as
    null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
  permissionCheck: null as null | ((wc: unknown, permission: string) => boolean),
  openExternal: [] as string[],
}))

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      on: (event: string, fn: (...args: unknown[]) => void) => seen.handlers.set(event, fn),
      setWindowOpenHandler: (fn: typeof seen.openHandler) => (seen.openHandler = fn),
      session: {
        setPermissionRequestHandler: (fn: typeof seen.permissionRequest) =>
          (seen.permissionRequest = fn),
        setPermissionCheckHandler: (fn: typeof seen.permissionCheck) => (seen.permissionCheck = fn),
      },
    }
    constructor(options: typeof seen.options) {
      seen.options = options
    }
    once(): void {}
    loadFile(): Promise<void> {
      return Promise.resolve()
    }
    loadURL(): Promise<void> {
      return Promise.resolve()
    }
  }
  return { BrowserWindow, shell: { openExternal: (url: string) => seen.openExternal.push(url) } }
})

const { createMainWindow } = await import('../../../src/main/shell/main-window')

describe('the app window is locked down', () => {
  beforeEach(() => {
    seen.handlers.clear()
    seen.openExternal.length = 0
    createMainWindow({ kind: 'file', path: '/opt/etcd-desk/out/renderer/index.html' })
  })

  it('is isolated, sandboxed, without Node, with web security', () => {
    expect(seen.options?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    })
    expect(seen.options?.webPreferences).not.toHaveProperty('nodeIntegrationInWorker', true)
    expect(seen.options?.webPreferences).not.toHaveProperty('allowRunningInsecureContent', true)
  })

  it('denies navigation away from the app', () => {
    const event = { preventDefault: vi.fn() }
    seen.handlers.get('will-navigate')?.(event, 'https://evil.example/')
    expect(event.preventDefault).toHaveBeenCalled()
  })

  it('denies new windows, sending https links to the browser and nothing else', () => {
    expect(seen.openHandler?.({ url: 'https://etcd.io/docs' })).toEqual({ action: 'deny' })
    expect(seen.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(seen.openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(seen.openExternal).toEqual(['https://etcd.io/docs'])
  })

  it('denies permissions except writing to the clipboard', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      const callback = vi.fn()
      seen.permissionRequest?.(null, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
      expect(seen.permissionCheck?.(null, permission)).toBe(false)
    }
    expect(seen.permissionCheck?.(null, 'clipboard-sanitized-write')).toBe(true)
  })
})
