import { isRequestChannel, type RequestChannel, type ResponseMap } from '../../shared/contract'
import type { Result } from '../../shared/result'
import type { Engine } from '../engine/engine'
import { handleRequest } from './request-handlers'

/** One connected window (an Electron page load or a browser-mode socket) talking to the engine. */
export interface ClientSession {
  /** Validates and runs one request; an unknown channel is refused with INVALID_REQUEST. */
  request(channel: unknown, arg: unknown): Promise<Result<ResponseMap[RequestChannel]>>
  /** Ends the session: the key watches it opened are closed, later requests are refused. */
  close(): Promise<void>
}

/**
 * Opens a session for one window. Why: key watches live in the engine until unwatched; a window
 * that reloads or a socket that drops would otherwise leave its watches streaming forever.
 */
export function openClientSession(engine: Engine): ClientSession {
  const watches = new Set<string>()
  let isClosed = false
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
      const result = await handleRequest(engine, channel, arg)
      if (result.ok && channel === 'keys:watch') {
        const { watchId } = result.value as ResponseMap['keys:watch']
        if (isClosed) await engine.keys.unwatch(watchId).catch(() => undefined)
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
      await Promise.all(open.map((id) => engine.keys.unwatch(id).catch(() => undefined)))
    },
  }
}
