import { app } from 'electron'
import type { Engine } from '../engine/engine'
import type { SettingsStore } from '../settings/settings-store'

/** Why: quitting must stop every member, but never hang the quit on a stuck process. */
export const QUIT_STOP_DEADLINE_MS = 15_000

/**
 * Makes quitting part of supervision: the first quit stops the engine (or leaves clusters running
 * when the user chose so; the next launch adopts them) within a bounded time, then quits for real.
 */
export function guardQuit(
  engine: Engine,
  settings: SettingsStore,
  beforeClose: () => Promise<void>,
): void {
  let isQuitting = false
  app.on('before-quit', (event) => {
    if (isQuitting) return
    event.preventDefault()
    isQuitting = true
    const stop = async (): Promise<void> => {
      await beforeClose()
      await engine.close({ keepRunning: settings.quitBehavior === 'keep-running' })
    }
    const deadline = new Promise((r) => setTimeout(r, QUIT_STOP_DEADLINE_MS))
    void Promise.race([stop(), deadline]).finally(() => app.quit())
  })
  // A terminal's Ctrl-C or a service manager's SIGTERM quits like the menu does (bounded stop).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit())
}
