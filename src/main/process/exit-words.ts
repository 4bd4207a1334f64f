import type { EngineCatalogues, EngineWords } from '../../shared/engine-words/engine-words'
import { words } from '../../shared/engine-words/engine-words'

/** Why a member was stopped on purpose: a key of engine-notices' stopReason ("start timed out"). */
export type StopReason = keyof EngineCatalogues['engine-notices']['stopReason']

/** How a process ended, as the exit reason names it. */
interface ExitStatus {
  code: number | null
  signal: string | null
}

/**
 * Why a member process exited, for its ExitInfo: the stop asked for and how it ended
 * ("start timed out (signal SIGTERM)"), or "exited unexpectedly with exit code 1".
 */
export function exitWords(stop: StopReason | null, exit: ExitStatus): EngineWords {
  const how = exit.signal ? 'Signal' : exit.code === null ? 'Unknown' : 'Code'
  const values = {
    ...(exit.signal ? { signal: exit.signal } : {}),
    ...(exit.code !== null && !exit.signal ? { code: exit.code } : {}),
  }
  if (stop === null) return words(`engine-notices:exit.unexpected${how}`, values)
  return words(`engine-notices:exit.expected${how}`, { ...values, stop })
}

/** The exit reason of a member whose automatic restart failed (`message`: the engine's error). */
export function restartFailedWords(message: string): EngineWords {
  return words('engine-notices:exit.restartFailed', { message })
}
