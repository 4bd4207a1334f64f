import type { RequestChannel, ResponseMap } from '../../shared/contract'
import type { Result } from '../../shared/result'
import type { EngineLog } from '../log/engine-log'

/** A kind of engine resource a window starts and stops by id: key watches, searches, metrics. */
export interface OwnedKind<Start extends RequestChannel> {
  /** What it is, for the engine log ("a key watch"). */
  what: string
  /** The request that starts one. */
  start: Start
  /** The id in the start request's answer. */
  idOf: (value: ResponseMap[Start]) => string
  /** The request that stops one. */
  stop: RequestChannel
  /** The id a stop request names; undefined when the request is malformed. */
  stopIdOf: (arg: unknown) => string | undefined
  /** Ends one in the engine. */
  end: (id: string) => Promise<void>
  /** True while the engine still runs it (a search may end before its answer is back). */
  isLive?: (id: string) => boolean
}

/** The ids of one kind a window started: only that window stops them, and they end with it. */
export interface OwnedIds {
  /** True for a stop of an id this window did not start: answer "done" without acting. */
  isForeignStop(channel: RequestChannel, arg: unknown): boolean
  /** Holds a started id (or ends it when the window closed meanwhile); lets go of a stopped one. */
  afterRequest(
    channel: RequestChannel,
    arg: unknown,
    result: Result<unknown>,
    isClosed: boolean,
  ): Promise<void>
  /** Lets go of an id the engine ended by itself (a finished search). */
  forget(id: string): void
  /** Ends every id still held. */
  close(): Promise<void>
}

/**
 * Holds the ids of one kind for one window. Why per window: what a window started streams to it,
 * and a window that reloads or drops must not leave it running for ever.
 */
export function ownedIds<Start extends RequestChannel>(
  kind: OwnedKind<Start>,
  log: EngineLog,
): OwnedIds {
  const held = new Set<string>()
  const end = async (id: string): Promise<void> => {
    held.delete(id)
    try {
      await kind.end(id)
    } catch (error) {
      log.warn({ err: error, id }, `ending ${kind.what} failed`)
    }
  }
  return {
    isForeignStop(channel, arg) {
      if (channel !== kind.stop) return false
      // Security: a window stops only its own; any other id counts as already stopped.
      const id = kind.stopIdOf(arg)
      return id !== undefined && !held.has(id)
    },
    async afterRequest(channel, arg, result, isClosed) {
      if (!result.ok) return
      if (channel === kind.stop) {
        const id = kind.stopIdOf(arg)
        if (id !== undefined) held.delete(id)
      } else if (channel === kind.start) {
        const id = kind.idOf(result.value as ResponseMap[Start])
        if (isClosed) await end(id)
        else if (kind.isLive?.(id) ?? true) held.add(id)
      }
    },
    forget: (id) => void held.delete(id),
    async close() {
      await Promise.all([...held].map(end))
    },
  }
}
