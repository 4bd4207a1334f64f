import { z } from 'zod'
import { requestSchemas, type RequestChannel, type ResponseMap } from '../../shared/contract'
import type { Result } from '../../shared/result'
import type { Engine } from '../engine/engine'
import type { KeyWatchListener } from '../engine/cluster-keys'
import { EngineError, toResult } from '../errors/engine-error'
import { binaryView } from '../engine/engine-releases'
import { leaseHandlers, transferHandlers } from './lease-transfer-handlers'
import { connectionHandlers } from './connection-handlers'
import { clusterExportHandlers } from './cluster-export-handlers'
import { diagnosisHandlers } from './diagnosis-handlers'
import type { KeySearchListener } from '../engine/key-searches'
import { NO_SEARCH_LISTENER, searchHandlers } from './search-handlers'
import { metricsHandlers, NO_METRICS_LISTENER } from './metrics-handlers'
import type { MetricsListener } from '../engine/cluster-metrics'
import { readKeyHistory, restoreKeyVersion } from '../keys/key-history'

/** Who sent a request: its key watches, key searches and metrics report only to it. */
export interface RequestCaller {
  keyWatches: KeyWatchListener
  keySearches: KeySearchListener
  metrics: MetricsListener
}

/** For calls that come from no window (tests, tools): watch events go nowhere. */
const NO_CALLER: RequestCaller = {
  keyWatches: { events: () => undefined, resync: () => undefined, error: () => undefined },
  keySearches: NO_SEARCH_LISTENER,
  metrics: NO_METRICS_LISTENER,
}

type Parsed<C extends RequestChannel> = z.output<(typeof requestSchemas)[C]>
type Handlers = {
  [C in RequestChannel]: (
    engine: Engine,
    arg: Parsed<C>,
    caller: RequestCaller,
  ) => Promise<ResponseMap[C]> | ResponseMap[C]
}

/** The contract mapped one-to-one onto the engine facade. */
const handlers: Handlers = {
  'app:info': async (engine) => {
    const etcd = await engine.systemEtcd().catch((error: unknown) => {
      // Shown as "no system etcd" in the window; why it is missing goes to the engine log.
      engine.log.warn({ err: error }, 'system etcd could not be described')
      return null
    })
    return {
      appVersion: engine.options.appVersion,
      dataDir: engine.layout.root,
      platform: `${process.platform}-${process.arch}`,
      systemEtcd: etcd ? { path: etcd.etcd, version: etcd.version } : null,
      engineLog: { path: engine.layout.engineLogFile, canOpen: engine.engineLogOpener.canOpen },
      startup: engine.startupReport,
    }
  },
  'app:open-engine-log': async (engine) => {
    await engine.engineLogOpener.open()
    return null
  },
  'clusters:list': (engine) => engine.listClusters(),
  'cluster:suggest': (engine, a) => engine.suggestSpec(a.memberCount, a.name, a.networkFaults),
  'cluster:validate': (engine, spec) => engine.validateSpec(spec),
  'cluster:create': (engine, spec) => engine.createCluster(spec),
  'cluster:start': (engine, a) => engine.startCluster(a.cluster),
  'cluster:stop': (engine, a) => engine.stopCluster(a.cluster),
  'cluster:delete': async (engine, a) => {
    await engine.deleteCluster(a.cluster, { stopFirst: a.stopFirst })
    return null
  },
  'cluster:status': (engine, a) => engine.getStatus(a.cluster),
  'cluster:commands': (engine, a) => engine.clusterCommands(a.cluster),
  'cluster:upgrade-choices': (engine, a) => engine.upgrades.choices(a.cluster),
  'cluster:certificates': (engine, a) => engine.clusterCertificates(a.cluster),
  'discovery:registry': (engine, a) =>
    engine.discovery.registryView(engine.getCluster(a.cluster).definition),
  'cluster:upgrade': (engine, a) =>
    engine.upgrades.upgrade(a.cluster, { version: a.version, allowHops: a.allowHops }),
  'cluster:enable-tls': (engine, a) => engine.tlsChanges.enable(a.cluster),
  'cluster:rotate-certificates': (engine, a) => engine.tlsChanges.rotate(a.cluster),
  'cluster:upgrade-stop': async (engine, a) => {
    await engine.upgrades.stop(a.cluster, a.mode)
    return null
  },
  'member:start': (engine, a) => engine.startMember(a.cluster, a.member),
  'member:stop': (engine, a) => engine.stopMember(a.cluster, a.member),
  'member:restart': (engine, a) => engine.restartMember(a.cluster, a.member),
  'member:kill': (engine, a) => engine.killMember(a.cluster, a.member),
  'member:suggest': (engine, a) => engine.membership.suggest(a.cluster),
  'member:add': (engine, { cluster, ...request }) => engine.membership.add(cluster, request),
  'member:promote': (engine, a) => engine.membership.promote(a.cluster, a.member),
  'member:remove': (engine, a) => engine.membership.remove(a.cluster, a.member, a.keepData),
  'member:pause': (engine, a) => engine.membership.pause(a.cluster, a.member),
  'member:resume': (engine, a) => engine.membership.resume(a.cluster, a.member),
  'member:make-leader': (engine, a) => engine.membership.makeLeader(a.cluster, a.member),
  'member:isolate': (engine, a) => engine.isolateMember(a.cluster, a.member),
  'member:heal': (engine, a) => engine.healMember(a.cluster, a.member),
  'member:latency': (engine, a) => engine.setMemberLatency(a.cluster, a.member, a.ms),
  'probe:start': (engine, a) => engine.probes.start(a.cluster),
  'probe:stop': (engine, a) => engine.probes.stop(a.cluster),
  'maintenance:snapshot-save': (engine, a) => engine.maintenance.saveSnapshot(a.cluster, a.member),
  'maintenance:snapshots': (engine) => engine.maintenance.snapshots(),
  'maintenance:snapshot-delete': async (engine, a) => {
    await engine.maintenance.deleteSnapshot(a.id)
    return null
  },
  'maintenance:snapshot-export': (engine, a) => engine.maintenance.exportSnapshot(a.id),
  'maintenance:tools': (engine, a) => engine.maintenance.tools(a.cluster),
  'maintenance:defragment': (engine, a) => engine.maintenance.defragment(a.cluster),
  'maintenance:compact': (engine, a) => engine.maintenance.compact(a.cluster, a.revision),
  'maintenance:alarms': (engine, a) => engine.maintenance.alarms(a.cluster),
  'maintenance:disarm': (engine, a) => engine.maintenance.disarm(a.cluster),
  'maintenance:hashkv': (engine, a) => engine.maintenance.hashKv(a.cluster),
  'maintenance:fill': (engine, a) => engine.maintenance.fill(a.cluster),
  'auth:status': (engine, a) => engine.auth.status(a.cluster),
  'auth:enable': (engine, a) => engine.auth.enable(a.cluster, a.rootPassword),
  'auth:disable': (engine, a) => engine.auth.disable(a.cluster),
  'auth:root-password': (engine, a) => engine.auth.provideRootPassword(a.cluster, a.password),
  'auth:user-add': (engine, a) => engine.auth.addUser(a.cluster, a.user, a.password),
  'auth:user-delete': (engine, a) => engine.auth.deleteUser(a.cluster, a.user),
  'auth:user-password': (engine, a) => engine.auth.changePassword(a.cluster, a.user, a.password),
  'auth:user-grant': (engine, a) => engine.auth.grantRole(a.cluster, a.user, a.role),
  'auth:user-revoke': (engine, a) => engine.auth.revokeRole(a.cluster, a.user, a.role),
  'auth:role-add': (engine, a) => engine.auth.addRole(a.cluster, a.role),
  'auth:role-delete': (engine, a) => engine.auth.deleteRole(a.cluster, a.role),
  'auth:role-grant': (engine, a) =>
    engine.auth.grantPermission(a.cluster, a.role, a.permission, a.key, a.isPrefix),
  'auth:role-revoke': (engine, a) =>
    engine.auth.revokePermission(a.cluster, a.role, a.key, a.isPrefix),
  'auth:browse-as': (engine, a) => engine.auth.setBrowseAs(a.cluster, a.user, a.password),
  'logs:get': (engine, a) => engine.getLogs(a.cluster, a.member, a.afterSeq, a.limit),
  'timeline:get': (engine, a) => engine.clusterTimeline(a.cluster),
  // The compaction boundary rides along, so the Keys tab can say history before it is gone.
  'keys:list': async (engine, { cluster, ...request }) => ({
    ...(await engine.keys.list(cluster, request)),
    compactRevision: engine.compactRevision(cluster),
  }),
  'keys:children': (engine, { cluster, ...request }) => engine.keys.children(cluster, request),
  'keys:count': (engine, a) => engine.keys.count(a.cluster, a.prefix),
  'keys:get': (engine, a) => engine.keys.get(a.cluster, a.key),
  'keys:put': (engine, a) =>
    engine.keys.put(
      a.cluster,
      a.key,
      a.value,
      a.expectModRevision ? { expectModRevision: a.expectModRevision } : {},
    ),
  'keys:delete': (engine, a) => engine.keys.delete(a.cluster, a.key),
  'keys:delete-prefix': (engine, a) => engine.keys.deletePrefix(a.cluster, a.prefix),
  'keys:watch': async (engine, a, caller) => ({
    watchId: await engine.keys.watch(a.cluster, a.prefix, a.fromRevision, caller.keyWatches),
  }),
  'keys:unwatch': async (engine, a) => {
    await engine.keys.unwatch(a.watchId)
    return null
  },
  ...leaseHandlers,
  ...connectionHandlers,
  ...transferHandlers,
  ...clusterExportHandlers,
  ...searchHandlers,
  ...diagnosisHandlers,
  ...metricsHandlers,
  'keys:history': (engine, { cluster, ...request }) =>
    engine.keys.use(cluster, 'read', request.key, (s) => readKeyHistory(s, request)),
  'keys:restore': (engine, { cluster, ...request }) =>
    engine.keys.use(cluster, 'write', request.key, (s) => restoreKeyVersion(s, request)),
  'releases:list': (engine, a) => engine.releases.list(a),
  'releases:install': async (engine, a) => binaryView(await engine.releases.install(a.version)),
  'releases:cancel': (engine, a) => {
    engine.releases.cancel(a.version)
    return null
  },
  'releases:import': async (engine, { path, ...options }) =>
    binaryView(await engine.releases.importArchive(path, options)),
  'releases:installed': (engine) => engine.releases.installed(),
  'releases:remove': async (engine, a) => {
    await engine.releases.remove(a.version)
    return null
  },
  'settings:get': (engine) => engine.settings.view(),
  // Live settings reach the engine through the store's change event (Engine.applySettings).
  'settings:update': async (engine, patch) => {
    const { view, requiresRestart } = await engine.settings.update(patch)
    return { ...view, requiresRestart }
  },
}

/**
 * Validates a request against its schema, then runs it on the engine. Never throws: every
 * failure (bad argument, engine error) comes back as a Result with a code.
 */
export async function handleRequest<C extends RequestChannel>(
  engine: Engine,
  channel: C,
  arg: unknown,
  caller: RequestCaller = NO_CALLER,
): Promise<Result<ResponseMap[C]>> {
  return toResult(async () => {
    const parsed = requestSchemas[channel].safeParse(arg)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue?.path.join('.') || 'argument'
      throw new EngineError(
        'INVALID_REQUEST',
        `Invalid ${channel} request: ${where}: ${issue?.message ?? 'invalid'}`,
        {
          channel,
          issues: parsed.error.issues.map((i) => ({
            path: i.path.map(String),
            message: i.message,
          })),
        },
      )
    }
    const handler = handlers[channel] as (
      engine: Engine,
      arg: unknown,
      caller: RequestCaller,
    ) => Promise<ResponseMap[C]> | ResponseMap[C]
    return handler(engine, parsed.data, caller)
  })
}
