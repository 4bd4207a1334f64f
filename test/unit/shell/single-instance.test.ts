import { beforeEach, describe, expect, it, vi } from 'vitest'

/** A fake Electron app: records listeners; whenReady never resolves, so no engine starts. */
const fake = vi.hoisted(() => ({
  hasLock: true,
  quit: vi.fn(),
  listeners: new Map<string, () => void>(),
}))

vi.mock('electron', () => ({
  app: {
    requestSingleInstanceLock: () => fake.hasLock,
    quit: fake.quit,
    on: (event: string, fn: () => void) => fake.listeners.set(event, fn),
    whenReady: () => new Promise(() => undefined),
  },
  BrowserWindow: { getAllWindows: () => [] },
  dialog: {},
  Menu: {},
  shell: {},
  ipcMain: {},
}))

// Why 30 s: the first import transforms the whole engine (~4 s alone, more beside other test files).
describe('one instance', { timeout: 30_000 }, () => {
  beforeEach(() => {
    vi.resetModules()
    fake.quit.mockClear()
    fake.listeners.clear()
  })

  it('a second launch quits at once without starting an engine', async () => {
    fake.hasLock = false
    await import('../../../src/main/index')
    expect(fake.quit).toHaveBeenCalledOnce()
    expect(fake.listeners.has('second-instance')).toBe(false)
  })

  it('the first launch listens for second launches to focus its window', async () => {
    fake.hasLock = true
    await import('../../../src/main/index')
    expect(fake.quit).not.toHaveBeenCalled()
    expect(fake.listeners.has('second-instance')).toBe(true)
  })
})
