import type {
  EtcdDeskApi,
  PushChannel,
  PushMap,
  RequestArg,
  RequestChannel,
  ResponseMap,
} from '../../src/shared/contract'
import type { ErrorData, Result } from '../../src/shared/result'
import { DEFAULT_SETTINGS } from '../../src/shared/settings'
import type { ConnectionState } from '../../src/shared/ws-client'
import type { ConnectionSource } from '../../src/renderer/src/features/shared/api-context'

/** A fake handler for one request channel. */
export type FakeHandler<C extends RequestChannel> = (
  arg: RequestArg<C>,
) => Result<ResponseMap[C]> | Promise<Result<ResponseMap[C]>>

/** Fake handlers by channel. */
export type FakeHandlers = { [C in RequestChannel]?: FakeHandler<C> }

/** One request the window made. */
export interface RecordedRequest {
  channel: RequestChannel
  arg: unknown
}

/** A successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

/** A failed result. */
export function fail<T = never>(error: ErrorData): Result<T> {
  return { ok: false, error }
}

/** Where the fake engine keeps its settings. */
export const SETTINGS_FILE = '/home/me/.config/etcd-desk/settings.json'

const emptyPage = { entries: [], revision: '1', nextKey: null, count: 0 }

/** Answers that let any screen render without a handler of its own. */
function defaultHandlers(): FakeHandlers {
  return {
    'app:info': () =>
      ok({
        appVersion: '0.1.0',
        dataDir: '/tmp/desk',
        platform: 'linux-x64',
        systemEtcd: { path: '/usr/bin/etcd', version: '3.5.17' },
        engineLog: { path: '/tmp/desk/engine.log', canOpen: false },
        startup: null,
      }),
    'clusters:list': () => ok([]),
    'connections:list': () => ok([]),
    'cluster:status': () => ok(null),
    'cluster:commands': () => ok({ members: [], etcdctl: 'etcdctl', etcdctlTls: [] }),
    'logs:get': () => ok([]),
    'timeline:get': () => ok([]),
    'keys:list': () => ok(emptyPage),
    'keys:children': () => ok({ children: [], nextKey: null, revision: '1' }),
    'keys:count': () => ok(0),
    'keys:watch': () => ok({ watchId: '00000000-0000-4000-8000-000000000001' }),
    'keys:unwatch': () => ok(null),
    'settings:get': () =>
      ok({ settings: structuredClone(DEFAULT_SETTINGS), file: SETTINGS_FILE, loadError: null }),
    'releases:installed': () => ok([]),
    'maintenance:snapshots': () => ok([]),
    'maintenance:alarms': () => ok([]),
    'auth:status': ({ cluster }) =>
      ok({
        cluster,
        isEnabled: false,
        isRootPasswordKnown: true,
        passwordStore: 'memory',
        browseAs: null,
        isRunning: true,
        users: [],
        roles: [],
      }),
    'maintenance:tools': () =>
      ok({
        version: '3.5.17',
        etcdctl: '/r/v3.5.17/etcdctl',
        etcdctlTls: [],
        etcdutl: '/r/v3.5.17/etcdutl',
        snapshotsDir: '/tmp/desk/snapshots',
      }),
  }
}

/** A typed fake of the engine API: records every request and lets a test emit pushes. */
export class FakeApi implements EtcdDeskApi {
  readonly requests: RecordedRequest[] = []
  private readonly handlers: FakeHandlers
  private readonly listeners = new Map<PushChannel, Set<(payload: never) => void>>()

  constructor(handlers: FakeHandlers = {}) {
    this.handlers = { ...defaultHandlers(), ...handlers }
  }

  request<C extends RequestChannel>(
    channel: C,
    arg: RequestArg<C>,
  ): Promise<Result<ResponseMap[C]>> {
    this.requests.push({ channel, arg })
    const handler = this.handlers[channel]
    if (!handler) {
      return Promise.resolve(fail({ code: 'INTERNAL', message: `No fake handler for ${channel}` }))
    }
    return Promise.resolve(handler(arg))
  }

  subscribe<P extends PushChannel>(
    channel: P,
    listener: (payload: PushMap[P]) => void,
  ): () => void {
    const set = this.listeners.get(channel) ?? new Set()
    set.add(listener)
    this.listeners.set(channel, set)
    return () => set.delete(listener)
  }

  /** Sets (or replaces) the handler of a channel. */
  handle<C extends RequestChannel>(channel: C, handler: FakeHandler<C>): void {
    ;(this.handlers as Record<string, unknown>)[channel] = handler
  }

  /** Sends a push to every subscriber of its channel. */
  emit<P extends PushChannel>(channel: P, payload: PushMap[P]): void {
    for (const listener of this.listeners.get(channel) ?? []) {
      ;(listener as (payload: PushMap[P]) => void)(payload)
    }
  }

  /** The arguments of every request made on one channel, in order. */
  requestsOf<C extends RequestChannel>(channel: C): RequestArg<C>[] {
    return this.requests.filter((r) => r.channel === channel).map((r) => r.arg as RequestArg<C>)
  }

  /** How many listeners a push channel has (to check subscriptions are released). */
  listenerCount(channel: PushChannel): number {
    return this.listeners.get(channel)?.size ?? 0
  }
}

/** A connection source a test can drive, like api.ts's onConnectionChange. */
export function fakeConnection(): {
  source: ConnectionSource
  set: (state: ConnectionState) => void
} {
  const listeners = new Set<(state: ConnectionState) => void>()
  return {
    source: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    set: (state) => listeners.forEach((l) => l(state)),
  }
}
