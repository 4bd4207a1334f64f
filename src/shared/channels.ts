import type { PushChannel, RequestChannel } from './contract'

/**
 * The contract's channel names as plain runtime lists, without zod: the sandboxed preload checks
 * channels with these and stays a small, dependency-free bundle. The type checks below fail the
 * build when a channel is added to the contract but not here (or the other way round).
 */

/** Every request channel, in contract order. */
export const REQUEST_CHANNELS = [
  'app:info',
  'app:open-engine-log',
  'clusters:list',
  'cluster:suggest',
  'cluster:validate',
  'cluster:create',
  'cluster:start',
  'cluster:stop',
  'cluster:delete',
  'cluster:status',
  'cluster:commands',
  'cluster:upgrade-choices',
  'cluster:certificates',
  'discovery:registry',
  'cluster:upgrade',
  'cluster:upgrade-stop',
  'cluster:enable-tls',
  'cluster:rotate-certificates',
  'member:start',
  'member:stop',
  'member:restart',
  'member:kill',
  'member:suggest',
  'member:add',
  'member:promote',
  'member:remove',
  'member:pause',
  'member:resume',
  'member:make-leader',
  'member:isolate',
  'member:heal',
  'member:latency',
  'probe:start',
  'probe:stop',
  'maintenance:snapshot-save',
  'maintenance:snapshots',
  'maintenance:snapshot-delete',
  'maintenance:snapshot-export',
  'maintenance:tools',
  'maintenance:defragment',
  'maintenance:compact',
  'maintenance:alarms',
  'maintenance:disarm',
  'maintenance:hashkv',
  'maintenance:fill',
  'auth:status',
  'auth:enable',
  'auth:disable',
  'auth:root-password',
  'auth:user-add',
  'auth:user-delete',
  'auth:user-password',
  'auth:user-grant',
  'auth:user-revoke',
  'auth:role-add',
  'auth:role-delete',
  'auth:role-grant',
  'auth:role-revoke',
  'auth:browse-as',
  'logs:get',
  'timeline:get',
  'keys:list',
  'keys:children',
  'keys:count',
  'keys:get',
  'keys:put',
  'keys:delete',
  'keys:delete-prefix',
  'keys:watch',
  'keys:unwatch',
  'keys:search',
  'keys:search-cancel',
  'keys:history',
  'keys:restore',
  'settings:get',
  'settings:update',
  'releases:list',
  'releases:install',
  'releases:cancel',
  'releases:import',
  'releases:installed',
  'releases:remove',
  'connections:list',
  'connections:save',
  'connections:delete',
  'connections:test',
  'connections:open',
  'metrics:subscribe',
  'metrics:unsubscribe',
  'metrics:history',
  'leases:list',
  'leases:get',
  'leases:grant',
  'leases:revoke',
  'leases:keep-alive',
  'leases:attach',
  'transfer:export',
  'transfer:choose-import',
  'transfer:preview',
  'transfer:import',
  'transfer:cancel',
  'cluster:export-preview',
  'cluster:export-files',
  'cluster:diagnosis',
] as const satisfies readonly RequestChannel[]

/** Every push channel. */
export const PUSH_CHANNELS = [
  'cluster:changed',
  'cluster:removed',
  'status:update',
  'leader:changed',
  'logs:append',
  'timeline:append',
  'keys:events',
  'keys:resync',
  'keys:watch-error',
  'keys:search-update',
  'settings:changed',
  'releases:progress',
  'probe:stats',
  'metrics:samples',
  'app:command',
  'transfer:progress',
  'diagnosis:progress',
] as const satisfies readonly PushChannel[]

type MissingRequest = Exclude<RequestChannel, (typeof REQUEST_CHANNELS)[number]>
type MissingPush = Exclude<PushChannel, (typeof PUSH_CHANNELS)[number]>
/**
 * Compile-time completeness: names the channels missing from the lists above.
 * @public (checked by the compiler, never imported)
 */
export const CHANNEL_LISTS_COMPLETE: [MissingRequest, MissingPush] extends [never, never]
  ? true
  : { missingRequests: MissingRequest; missingPushes: MissingPush } = true

const requestSet: ReadonlySet<string> = new Set(REQUEST_CHANNELS)
const pushSet: ReadonlySet<string> = new Set(PUSH_CHANNELS)

/** True for a request channel of the contract (zod-free twin of contract.isRequestChannel). */
export function isRequestChannelName(value: unknown): value is RequestChannel {
  return typeof value === 'string' && requestSet.has(value)
}

/** True for a push channel of the contract. */
export function isPushChannel(value: unknown): value is PushChannel {
  return typeof value === 'string' && pushSet.has(value)
}
