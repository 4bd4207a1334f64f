import { requestSchemas, type RequestChannel, type ResponseMap } from '../../shared/contract'
import type { Result } from '../../shared/result'
import type { Engine } from '../engine/engine'
import type { KeySearchListener } from '../engine/key-searches'
import type { PushSink } from './push-bridge'

/** The key searches one window started: their pushes go to it, and they end with it. */
export interface SearchSession {
  /** Where the window's searches report. */
  listener: KeySearchListener
  /** True for a cancel of a search this window did not start: answer "done" without acting. */
  isForeignCancel(channel: RequestChannel, arg: unknown): boolean
  /** Records a search the window started (or stops it when the window closed meanwhile). */
  afterRequest(channel: RequestChannel, result: Result<unknown>, isClosed: boolean): Promise<void>
  /** Stops every search the window started. */
  close(): Promise<void>
}

/**
 * Opens the search side of a client session. Why per window: a search streams to the window that
 * started it, and a window that reloads or drops must not leave its searches scanning.
 */
export function openSearchSession(engine: Engine, push: PushSink): SearchSession {
  const searches = new Set<string>()
  const log = engine.log.child({ module: 'session' })
  const cancel = async (searchId: string): Promise<void> => {
    searches.delete(searchId)
    try {
      await engine.searches.cancel(searchId)
    } catch (error) {
      log.warn({ err: error, searchId }, 'stopping a key search failed')
    }
  }
  return {
    listener: {
      update: (update) => {
        if (update.state !== 'running') searches.delete(update.searchId)
        push('keys:search-update', update)
      },
    },
    isForeignCancel(channel, arg) {
      if (channel !== 'keys:search-cancel') return false
      // Security: a window stops only its own searches; any other id is already "stopped".
      const parsed = requestSchemas['keys:search-cancel'].safeParse(arg)
      return parsed.success && !searches.has(parsed.data.searchId)
    },
    async afterRequest(channel, result, isClosed) {
      if (channel !== 'keys:search' || !result.ok) return
      const { searchId } = result.value as ResponseMap['keys:search']
      if (isClosed) await cancel(searchId)
      else if (engine.searches.has(searchId)) searches.add(searchId)
    },
    async close() {
      await Promise.all([...searches].map(cancel))
    },
  }
}
