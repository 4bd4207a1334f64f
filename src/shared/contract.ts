import { z } from 'zod'
import type { AppCommand } from './app-commands'
import type { EngineWords } from './engine-words/engine-words'
import { authNameSchema, passwordSchema, permissionKeySchema, type AuthView } from './auth'
import type { ClusterSpec, ClusterStatus, ClusterView, LeaderChange, MemberSpec } from './cluster'
import {
  clusterNameSchema,
  clusterSpecSchema,
  memberNameSchema,
  snapshotIdSchema,
} from './cluster-schema'
import type {
  AlarmEntry,
  DefragReport,
  FillReport,
  HashKvReport,
  MaintenanceTools,
  SnapshotInfo,
} from './maintenance'
import type { ProbeStats } from './probe'
import type { UpgradeChoices, UpgradeReport } from './upgrade'
import type { ClusterCertificate } from './certificates'
import type { TlsChangeReport } from './tls-switch'
import type { DiscoveryRegistryView } from './discovery-registry'
import type { ChildPage, KeyEntry, KeyEvent, KeyPage } from './keys'
import type { KeySearchUpdate } from './key-search'
import { searchRequestSchemas, type SearchResponses } from './key-search-requests'
import { leaseRequestSchemas, type LeaseResponses } from './lease-requests'
import { metricsRequestSchemas, type MetricsResponses } from './metrics-requests'
import type { MetricsBatch } from './metrics'
import { connectionRequestSchemas, type ConnectionResponses } from './connection-requests'
import { transferRequestSchemas, type TransferResponses } from './transfer-requests'
import {
  clusterExportRequestSchemas,
  type ClusterExportResponses,
} from './cluster-export/export-requests'
import type { TransferProgress } from './transfer'
import {
  diagnosisRequestSchemas,
  type DiagnosisProgress,
  type DiagnosisResponses,
} from './diagnosis'
import { MAX_HISTORY_LIMIT, type KeyHistoryPage } from './key-history'
import type { LogBatch, LogLine } from './logs'
import type { ClusterEvent } from './cluster-events'
import { MAX_CONTRACT_BYTES, MAX_LOG_LINES_PER_REQUEST, MAX_PAGE_LIMIT } from './limits'
import {
  importArchiveRequestSchema,
  listReleasesRequestSchema,
  releaseVersionSchema,
  type InstalledRelease,
  type InstallProgress,
  type ReleaseList,
} from './releases'
import type { Result } from './result'
import { settingsPatchSchema, type SettingsUpdateResult, type SettingsView } from './settings'
import type { SpecIssue } from './validate-cluster-spec'

/** Every request argument is a strict object: unknown keys are refused, not silently dropped. */
/** Bytes as they cross the contract (keys and values are never assumed to be text). */
const bytes = z
  .instanceof(Uint8Array)
  .refine((b) => b.length <= MAX_CONTRACT_BYTES, 'at most 64 MiB')
/** A revision: a non-negative decimal integer as a string (etcd revisions are int64). */
const revision = z.string().regex(/^\d{1,19}$/)
const clusterRef = z.strictObject({ cluster: clusterNameSchema })
const memberRef = z.strictObject({ cluster: clusterNameSchema, member: memberNameSchema })
const pageLimit = z.number().int().min(1).max(MAX_PAGE_LIMIT).optional()
/** A port as a request argument; the engine checks the range with a message naming the member. */
const port = z.number().int()

/** The exact command line of one member. */
interface MemberCommand {
  member: string
  etcd: string
  args: string[]
}

/** The commands of one cluster: each member's etcd command line, and its etcdctl binary. */
export interface ClusterCommandsView {
  members: MemberCommand[]
  /** The etcdctl of the cluster's etcd version (a release's own, or the one next to the system etcd). */
  etcdctl: string
  /** etcdctl's TLS flags for this cluster (--cacert, --cert, --key); empty for plain http. */
  etcdctlTls: string[]
  /** How a discovery cluster bootstrapped; absent for static bootstrap (--initial-cluster). */
  discovery?: DiscoveryCommands
}

/** One key of a discovery registry: a member that registered ("name=peerURL") or the size. */
export interface RegistryEntry {
  key: string
  value: string
}

/** The discovery side of a cluster's commands (README "Discovery"). */
export interface DiscoveryCommands {
  /** The discovery etcd's exact command line (its binary, --enable-v2 for the v2 protocol). */
  etcd: string
  /** The command that created the token: curl (v2) or etcdctl put (v3) of the size. */
  createToken: string
  /** The command that lists the registry (the members that registered). */
  listRegistry: string
  /** The registry now, when the discovery etcd answered; null when it does not run. */
  entries: RegistryEntry[] | null
}

/** An installed etcd binary as the window sees it. */
export interface InstalledBinaryView {
  version: string
  etcd: string
  etcdctl: string
}

/** What the engine found at start-up of an earlier run (members adopted or stopped), to show once. */
export interface StartupReport {
  /** Unique per engine start: the window shows a report once and remembers that it did. */
  id: string
  /** One sentence each: "Adopted 3 members of cluster demo from the last run." */
  lines: string[]
  /** The same sentences for the window to show in its language (one per line). */
  lineWords: EngineWords[]
}

/** What the window learns about the app at start. */
export interface AppInfo {
  appVersion: string
  dataDir: string
  platform: string
  systemEtcd: { path: string; version: string } | null
  /** The engine log file; `canOpen` when the engine can open it with the OS (Electron). */
  engineLog: { path: string; canOpen: boolean }
  /** What start-up found of an earlier run, or null when it found nothing to tell. */
  startup: StartupReport | null
}

/** Zod schema of every request's argument, by channel. The engine validates with these first. */
export const requestSchemas = {
  'app:info': z.strictObject({}),
  'app:open-engine-log': z.strictObject({}),
  'clusters:list': z.strictObject({}),
  'cluster:suggest': z.strictObject({
    memberCount: z.number().int().min(1).max(7),
    name: clusterNameSchema.optional(),
    /** Suggest proxy ports too (a cluster with network faults). */
    networkFaults: z.boolean().optional(),
  }),
  'cluster:validate': clusterSpecSchema,
  'cluster:create': clusterSpecSchema,
  'cluster:start': clusterRef,
  'cluster:stop': clusterRef,
  'cluster:delete': clusterRef.extend({ stopFirst: z.boolean().optional() }),
  'cluster:status': clusterRef,
  'cluster:commands': clusterRef,
  'cluster:upgrade-choices': clusterRef,
  'cluster:certificates': clusterRef,
  /** The discovery registry of a cluster bootstrapped by discovery (its token's keys). */
  'discovery:registry': clusterRef,
  'cluster:upgrade': clusterRef.extend({
    version: releaseVersionSchema,
    /** Run a refused target through its multi-hop plan (newest patch first, then the next line). */
    allowHops: z.boolean().optional(),
  }),
  /** Stops a running upgrade after the member being swapped: 'pause' keeps it to continue. */
  'cluster:upgrade-stop': clusterRef.extend({ mode: z.enum(['pause', 'abort']) }),
  /** Turns TLS on for a running plain cluster, member by member (or continues a half-done switch). */
  'cluster:enable-tls': clusterRef,
  /** New certificates from the cluster's CA, members restarted one by one. */
  'cluster:rotate-certificates': clusterRef,
  'member:start': memberRef,
  'member:stop': memberRef,
  'member:restart': memberRef,
  'member:kill': memberRef,
  'member:suggest': clusterRef,
  'member:add': clusterRef.extend({
    name: memberNameSchema,
    clientPort: port,
    peerPort: port,
    proxyPort: port.optional(),
    asLearner: z.boolean(),
  }),
  'member:promote': memberRef,
  'member:remove': memberRef.extend({ keepData: z.boolean() }),
  'member:pause': memberRef,
  'member:resume': memberRef,
  'member:make-leader': memberRef,
  'member:isolate': memberRef,
  'member:heal': memberRef,
  'member:latency': memberRef.extend({ ms: z.number().int().min(0).max(10_000) }),
  'probe:start': clusterRef,
  'probe:stop': clusterRef,
  'maintenance:snapshot-save': memberRef,
  'maintenance:snapshots': z.strictObject({}),
  'maintenance:snapshot-delete': z.strictObject({ id: snapshotIdSchema }),
  'maintenance:snapshot-export': z.strictObject({ id: snapshotIdSchema }),
  'maintenance:tools': clusterRef,
  'maintenance:defragment': clusterRef,
  'maintenance:compact': clusterRef.extend({ revision: revision.optional() }),
  'maintenance:alarms': clusterRef,
  'maintenance:disarm': clusterRef,
  'maintenance:hashkv': clusterRef,
  'maintenance:fill': clusterRef,
  'auth:status': clusterRef,
  /** Creates user and role root with `rootPassword`, then turns authentication on. */
  'auth:enable': clusterRef.extend({ rootPassword: passwordSchema }),
  'auth:disable': clusterRef,
  /** Tells the engine root's password (after a restart without an encrypted store). */
  'auth:root-password': clusterRef.extend({ password: passwordSchema }),
  'auth:user-add': clusterRef.extend({ user: authNameSchema, password: passwordSchema }),
  'auth:user-delete': clusterRef.extend({ user: authNameSchema }),
  'auth:user-password': clusterRef.extend({ user: authNameSchema, password: passwordSchema }),
  'auth:user-grant': clusterRef.extend({ user: authNameSchema, role: authNameSchema }),
  'auth:user-revoke': clusterRef.extend({ user: authNameSchema, role: authNameSchema }),
  'auth:role-add': clusterRef.extend({ role: authNameSchema }),
  'auth:role-delete': clusterRef.extend({ role: authNameSchema }),
  'auth:role-grant': clusterRef.extend({
    role: authNameSchema,
    key: permissionKeySchema,
    isPrefix: z.boolean(),
    permission: z.enum(['read', 'write', 'readwrite']),
  }),
  'auth:role-revoke': clusterRef.extend({
    role: authNameSchema,
    key: permissionKeySchema,
    isPrefix: z.boolean(),
  }),
  /** Runs the key browser as `user` (checked with `password`), or as the engine when null. */
  'auth:browse-as': clusterRef.extend({
    user: authNameSchema.nullable(),
    password: passwordSchema.optional(),
  }),
  /** The cluster's timeline (leader changes, member states, user actions), newest first. */
  'timeline:get': clusterRef,
  'logs:get': memberRef.extend({
    afterSeq: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(MAX_LOG_LINES_PER_REQUEST).optional(),
  }),
  'keys:list': clusterRef.extend({
    prefix: bytes,
    startKey: bytes.optional(),
    limit: pageLimit,
    revision: revision.optional(),
    withValues: z.boolean().optional(),
  }),
  'keys:children': clusterRef.extend({
    prefix: bytes,
    separator: z.string().min(1).max(8).optional(),
    startKey: bytes.optional(),
    limit: pageLimit,
    revision: revision.optional(),
  }),
  'keys:count': clusterRef.extend({ prefix: bytes }),
  'keys:get': clusterRef.extend({ key: bytes }),
  'keys:put': clusterRef.extend({
    key: bytes,
    value: bytes,
    expectModRevision: revision.optional(),
  }),
  'keys:delete': clusterRef.extend({ key: bytes }),
  'keys:delete-prefix': clusterRef.extend({ prefix: bytes }),
  'keys:watch': clusterRef.extend({ prefix: bytes, fromRevision: revision.optional() }),
  'keys:unwatch': z.strictObject({ watchId: z.string().uuid() }),
  ...leaseRequestSchemas,
  ...metricsRequestSchemas,
  ...connectionRequestSchemas,
  ...transferRequestSchemas,
  ...clusterExportRequestSchemas,
  ...searchRequestSchemas,
  ...diagnosisRequestSchemas,
  /** A page of a key's versions, newest first, from `revision` (a page's nextRevision) or now. */
  'keys:history': clusterRef.extend({
    key: bytes,
    revision: revision.optional(),
    limit: z.number().int().min(1).max(MAX_HISTORY_LIMIT).optional(),
  }),
  /** Writes the version of `revision` back, only if the key is still at `expectModRevision`. */
  'keys:restore': clusterRef.extend({ key: bytes, revision, expectModRevision: revision }),
  'settings:get': z.strictObject({}),
  'settings:update': settingsPatchSchema,
  'releases:list': listReleasesRequestSchema,
  'releases:install': z.strictObject({ version: releaseVersionSchema }),
  'releases:cancel': z.strictObject({ version: releaseVersionSchema }),
  'releases:import': importArchiveRequestSchema,
  'releases:installed': z.strictObject({}),
  'releases:remove': z.strictObject({ version: releaseVersionSchema }),
} as const

/** Every request channel. */
export type RequestChannel = keyof typeof requestSchemas

/** The argument of a request channel. */
export type RequestArg<C extends RequestChannel> = z.input<(typeof requestSchemas)[C]>

/** What each request returns on success. */
export interface ResponseMap
  extends
    LeaseResponses,
    ConnectionResponses,
    TransferResponses,
    ClusterExportResponses,
    SearchResponses,
    DiagnosisResponses,
    MetricsResponses {
  'app:info': AppInfo
  'app:open-engine-log': null
  'clusters:list': ClusterView[]
  'cluster:suggest': ClusterSpec
  'cluster:validate': SpecIssue[]
  'cluster:create': ClusterView
  'cluster:start': ClusterView
  'cluster:stop': ClusterView
  'cluster:delete': null
  'cluster:status': ClusterStatus | null
  'cluster:commands': ClusterCommandsView
  'cluster:upgrade-choices': UpgradeChoices
  'cluster:certificates': ClusterCertificate[]
  /** Null for a cluster bootstrapped statically (--initial-cluster). */
  'discovery:registry': DiscoveryRegistryView | null
  'cluster:upgrade': UpgradeReport
  'cluster:upgrade-stop': null
  'cluster:enable-tls': TlsChangeReport
  'cluster:rotate-certificates': TlsChangeReport
  'member:start': ClusterView
  'member:stop': ClusterView
  'member:restart': ClusterView
  'member:kill': ClusterView
  'member:suggest': MemberSpec
  'member:add': ClusterView
  'member:promote': ClusterView
  'member:remove': ClusterView
  'member:pause': ClusterView
  'member:resume': ClusterView
  'member:make-leader': ClusterView
  'member:isolate': ClusterView
  'member:heal': ClusterView
  'member:latency': ClusterView
  'probe:start': ProbeStats
  'probe:stop': ProbeStats
  'maintenance:snapshot-save': SnapshotInfo
  'maintenance:snapshots': SnapshotInfo[]
  'maintenance:snapshot-delete': null
  /** Where the user saved a copy (Electron's save dialog), or null when they cancelled. */
  'maintenance:snapshot-export': { path: string } | null
  'maintenance:tools': MaintenanceTools
  'maintenance:defragment': DefragReport
  'maintenance:compact': { revision: string }
  'maintenance:alarms': AlarmEntry[]
  'maintenance:disarm': AlarmEntry[]
  'maintenance:hashkv': HashKvReport
  'maintenance:fill': FillReport
  'auth:status': AuthView
  'auth:enable': AuthView
  'auth:disable': AuthView
  'auth:root-password': AuthView
  'auth:user-add': AuthView
  'auth:user-delete': AuthView
  'auth:user-password': AuthView
  'auth:user-grant': AuthView
  'auth:user-revoke': AuthView
  'auth:role-add': AuthView
  'auth:role-delete': AuthView
  'auth:role-grant': AuthView
  'auth:role-revoke': AuthView
  'auth:browse-as': AuthView
  'logs:get': LogLine[]
  'timeline:get': ClusterEvent[]
  'keys:list': KeyPage
  'keys:children': ChildPage
  'keys:count': number
  'keys:get': KeyEntry
  'keys:put': { revision: string }
  'keys:delete': { deleted: number }
  'keys:delete-prefix': { deleted: number }
  'keys:watch': { watchId: string }
  'keys:unwatch': null
  'keys:history': KeyHistoryPage
  'keys:restore': { revision: string }
  'settings:get': SettingsView
  'settings:update': SettingsUpdateResult
  'releases:list': ReleaseList
  'releases:install': InstalledBinaryView
  'releases:cancel': null
  'releases:import': InstalledBinaryView
  'releases:installed': InstalledRelease[]
  'releases:remove': null
}

/** Every push from the engine to the window, with its payload. */
export interface PushMap {
  'cluster:changed': ClusterView
  /** `revision`: views of the cluster up to it are older than its removal. */
  'cluster:removed': { cluster: string; revision: number }
  'status:update': ClusterStatus
  'leader:changed': { cluster: string; change: LeaderChange }
  'logs:append': LogBatch
  /** One new event of a cluster's timeline. */
  'timeline:append': ClusterEvent
  'keys:events': { cluster: string; watchId: string; events: KeyEvent[] }
  'keys:resync': { cluster: string; watchId: string; revision: string }
  'keys:watch-error': { cluster: string; watchId: string; message: string }
  /** A key search's new matches and progress, to the window that started it. */
  'keys:search-update': KeySearchUpdate
  'settings:changed': SettingsView
  'releases:progress': InstallProgress
  'probe:stats': ProbeStats
  /** New metrics samples of a cluster, to the windows that subscribed to it. */
  'metrics:samples': MetricsBatch
  'app:command': { command: AppCommand }
  /** An export, preview or import's keys done (every window; each shows only its own). */
  'transfer:progress': TransferProgress
  /** How far a "Save diagnosis" got (every window; each shows only its own). */
  'diagnosis:progress': DiagnosisProgress
}

/** Every push channel. */
export type PushChannel = keyof PushMap

/** The API the window uses: one typed function per request, one subscription per push. */
export interface EtcdDeskApi {
  request<C extends RequestChannel>(channel: C, arg: RequestArg<C>): Promise<Result<ResponseMap[C]>>
  subscribe<P extends PushChannel>(channel: P, listener: (payload: PushMap[P]) => void): () => void
}

/** True for a string that names a request channel. */
export function isRequestChannel(value: unknown): value is RequestChannel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(requestSchemas, value)
}
