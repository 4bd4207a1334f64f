import {
  isRequestChannel,
  requestSchemas,
  type RequestChannel,
  type ResponseMap,
} from '../../shared/contract'
import type { KeyEvent } from '../../shared/keys'
import type { Result } from '../../shared/result'
import type { Engine } from '../engine/engine'
import type { PushSink } from './push-bridge'
import { handleRequest } from './request-handlers'
import { openSearchSession } from './search-session'
import { openMetricsSession } from './metrics-session'

/** One connected window (an Electron page load or a browser-mode socket) talking to the engine. */
export interface ClientSession {
  /** Validates and runs one request; an unknown channel is refused with INVALID_REQUEST. */
  request(channel: unknown, arg: unknown): Promise<Result<ResponseMap[RequestChannel]>>
  /** Ends the session: the key watches it opened are closed, later requests are refused. */
  close(): Promise<void>
}

/**
 * Opens a session for one window; `push` reaches that window only. Why sessions: key watches live
 * in the engine until unwatched; a window that reloads or a socket that drops would otherwise
 * leave its watches streaming for ever. Their events go to the window that opened them, and a
 * window can stop only its own watches.
 */
export function openClientSession(engine: Engine, push: PushSink): ClientSession {
  const watches = new Set<string>()
  let isClosed = false
  const log = engine.log.child({ module: 'session' })
  const unwatch = async (watchId: string): Promise<void> => {
    try {
      await engine.keys.unwatch(watchId)
    } catch (error) {
      log.warn({ err: error, watchId }, 'closing a key watch failed')
    }
  }
  const searches = openSearchSession(engine, push)
  const metrics = openMetricsSession(engine, push)
  const caller = {
    keySearches: searches.listener,
    metrics: metrics.listener,
    keyWatches: {
      events: (cluster: string, watchId: string, events: KeyEvent[]) =>
        push('keys:events', { cluster, watchId, events }),
      resync: (cluster: string, watchId: string, revision: string) =>
        push('keys:resync', { cluster, watchId, revision }),
      error: (cluster: string, watchId: string, message: string) =>
        push('keys:watch-error', { cluster, watchId, message }),
    },
  }
  return {
    async request(channel, arg) {
      if (!isRequestChannel(channel)) {
        return {
          ok: false,
          error: {
            code: 'INVALID_REQUEST',
            message: `Unknown request channel: ${String(channel).slice(0, 64)}`,
          },
        }
      }
      if (isClosed) {
        return { ok: false, error: { code: 'DISCONNECTED', message: 'The window was closed.' } }
      }
      if (channel === 'keys:unwatch') {
        // Security: a window stops only its own watches; any other id is already "not watching".
        const parsed = requestSchemas['keys:unwatch'].safeParse(arg)
        if (parsed.success && !watches.has(parsed.data.watchId)) return { ok: true, value: null }
      }
      if (searches.isForeignCancel(channel, arg)) return { ok: true, value: null }
      if (metrics.isForeignUnsubscribe(channel, arg)) return { ok: true, value: null }
      const result = await handleRequest(engine, channel, arg, caller)
      await searches.afterRequest(channel, result, isClosed)
      await metrics.afterRequest(channel, result, isClosed)
      if (result.ok && channel === 'keys:watch') {
        const { watchId } = result.value as ResponseMap['keys:watch']
        if (isClosed) await unwatch(watchId)
        else watches.add(watchId)
      }
      if (result.ok && channel === 'keys:unwatch')
        watches.delete((arg as { watchId: string }).watchId)
      return result
    },
    async close() {
      isClosed = true
      const open = [...watches]
      watches.clear()
      await Promise.all([...open.map(unwatch), searches.close(), metrics.close()])
    },
  }
}
