import {
  isRequestChannel,
  requestSchemas,
  type RequestChannel,
  type ResponseMap,
} from '../../shared/contract'
import type { KeyEvent } from '../../shared/keys'
import type { Result } from '../../shared/result'
import type { MetricsListener } from '../engine/cluster-metrics'
import type { Engine } from '../engine/engine'
import type { KeySearchListener } from '../engine/key-searches'
import { ownedIds } from './owned-ids'
import type { PushSink } from './push-bridge'
import { handleRequest } from './request-handlers'

/** One connected window (an Electron page load or a browser-mode socket) talking to the engine. */
export interface ClientSession {
  /** Validates and runs one request; an unknown channel is refused with INVALID_REQUEST. */
  request(channel: unknown, arg: unknown): Promise<Result<ResponseMap[RequestChannel]>>
  /** Ends the session: the watches, searches and metrics subscriptions it started end too. */
  close(): Promise<void>
}

/**
 * Opens a session for one window; `push` reaches that window only. Why sessions: key watches,
 * key searches and metrics sampling live in the engine until stopped; a window that reloads or a
 * socket that drops would otherwise leave them running for ever. What a window started reports
 * to it, and a window can stop only what it started.
 */
export function openClientSession(engine: Engine, push: PushSink): ClientSession {
  let isClosed = false
  const log = engine.log.child({ module: 'session' })
  const watches = ownedIds(
    {
      what: 'a key watch',
      start: 'keys:watch',
      idOf: (value) => value.watchId,
      stop: 'keys:unwatch',
      stopIdOf: (arg) => requestSchemas['keys:unwatch'].safeParse(arg).data?.watchId,
      end: (id) => engine.keys.unwatch(id),
    },
    log,
  )
  const searches = ownedIds(
    {
      what: 'a key search',
      start: 'keys:search',
      idOf: (value) => value.searchId,
      stop: 'keys:search-cancel',
      stopIdOf: (arg) => requestSchemas['keys:search-cancel'].safeParse(arg).data?.searchId,
      end: (id) => engine.searches.cancel(id),
      isLive: (id) => engine.searches.has(id),
    },
    log,
  )
  const metrics = ownedIds(
    {
      what: 'a metrics subscription',
      start: 'metrics:subscribe',
      idOf: (value) => value.subscriptionId,
      stop: 'metrics:unsubscribe',
      stopIdOf: (arg) => requestSchemas['metrics:unsubscribe'].safeParse(arg).data?.subscriptionId,
      end: (id) => engine.metrics.unsubscribe(id),
    },
    log,
  )
  const owned = [watches, searches, metrics]
  const keySearches: KeySearchListener = {
    update: (update) => {
      if (update.state !== 'running') searches.forget(update.searchId)
      push('keys:search-update', update)
    },
  }
  const caller = {
    keySearches,
    metrics: ((batch) => push('metrics:samples', batch)) satisfies MetricsListener,
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
      if (owned.some((ids) => ids.isForeignStop(channel, arg))) return { ok: true, value: null }
      const result = await handleRequest(engine, channel, arg, caller)
      for (const ids of owned) await ids.afterRequest(channel, arg, result, isClosed)
      return result
    },
    async close() {
      isClosed = true
      await Promise.all(owned.map((ids) => ids.close()))
    },
  }
}
