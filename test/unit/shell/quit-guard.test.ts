import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Engine } from '../../../src/main/engine/engine'
import { QUIT_STOP_DEADLINE_MS, guardQuit } from '../../../src/main/shell/quit-guard'
import { SettingsStore } from '../../../src/main/settings/settings-store'
import { makeTestDir } from '../../helpers/test-dirs'

/** A fake Electron app: records its listeners; quit() is what the guard must call in the end. */
const fake = vi.hoisted(() => ({
  quit: vi.fn(),
  listeners: new Map<string, (event: { preventDefault: () => void }) => void>(),
}))

vi.mock('electron', () => ({
  app: {
    quit: fake.quit,
    on: (event: string, fn: (event: { preventDefault: () => void }) => void) =>
      fake.listeners.set(event, fn),
  },
}))

/** Emits Electron's before-quit; returns whether the guard held the quit back. */
function beforeQuit(): boolean {
  const event = { preventDefault: vi.fn() }
  fake.listeners.get('before-quit')!(event)
  return event.preventDefault.mock.calls.length > 0
}

/** An engine whose close() is recorded and settles when the test says so (or never). */
function fakeEngine(close: () => Promise<void>) {
  const calls: string[] = []
  const engine = {
    close: vi.fn(async (options?: { keepRunning?: boolean }) => {
      calls.push(`close keepRunning=${options?.keepRunning}`)
      await close()
    }),
  }
  return { engine: engine as unknown as Engine, close: engine.close, calls }
}

const signalHandlers = new Map<string, () => void>()

beforeEach(() => {
  fake.quit.mockClear()
  fake.listeners.clear()
  signalHandlers.clear()
  // The guard's SIGINT/SIGTERM handlers are captured, not installed in the test process.
  vi.spyOn(process, 'on').mockImplementation((event: string | symbol, fn: () => void) => {
    signalHandlers.set(String(event), fn)
    return process
  })
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
})

describe('quitting', () => {
  it('holds the first quit back, stops the clusters, then quits for real', async () => {
    const settings = await SettingsStore.open(makeTestDir('quit-stop'))
    const { engine, close, calls } = fakeEngine(async () => undefined)
    guardQuit(engine, settings, async () => void calls.push('before close'))

    expect(beforeQuit()).toBe(true)
    await vi.waitFor(() => expect(fake.quit).toHaveBeenCalledOnce())
    expect(calls).toEqual(['before close', 'close keepRunning=false'])
    // app.quit() emits before-quit again: now it goes through, and nothing is stopped twice.
    expect(beforeQuit()).toBe(false)
    expect(close).toHaveBeenCalledOnce()
  })

  it('leaves the clusters running when the saved settings say so at quit time', async () => {
    const settings = await SettingsStore.open(makeTestDir('quit-keep'))
    const { engine, calls } = fakeEngine(async () => undefined)
    guardQuit(engine, settings, async () => undefined)
    await settings.update({ quitBehavior: 'keep-running' }) // changed after the guard was set

    expect(beforeQuit()).toBe(true)
    await vi.waitFor(() => expect(fake.quit).toHaveBeenCalledOnce())
    expect(calls).toEqual(['close keepRunning=true'])
  })

  it('quits after the deadline when stopping never ends', async () => {
    vi.useFakeTimers()
    const settings = SettingsStore.inMemory()
    const { engine, close } = fakeEngine(() => new Promise<void>(() => undefined))
    guardQuit(engine, settings, async () => undefined)

    expect(beforeQuit()).toBe(true)
    await vi.advanceTimersByTimeAsync(QUIT_STOP_DEADLINE_MS - 1)
    expect(close).toHaveBeenCalledOnce() // the stop is under way …
    expect(fake.quit).not.toHaveBeenCalled() // … and given its whole deadline
    await vi.advanceTimersByTimeAsync(1)
    expect(fake.quit).toHaveBeenCalledOnce()
    expect(beforeQuit()).toBe(false)
  })

  it('quits the same way on SIGINT and SIGTERM', async () => {
    const { engine } = fakeEngine(async () => undefined)
    guardQuit(engine, SettingsStore.inMemory(), async () => undefined)
    expect([...signalHandlers.keys()].sort()).toEqual(['SIGINT', 'SIGTERM'])
    signalHandlers.get('SIGINT')!()
    expect(fake.quit).toHaveBeenCalledTimes(1)
    signalHandlers.get('SIGTERM')!()
    expect(fake.quit).toHaveBeenCalledTimes(2)
  })
})
