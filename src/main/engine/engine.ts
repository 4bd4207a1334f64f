import { EventEmitter } from 'node:events'
import type { ClusterSpec, ClusterStatus, ClusterView, LeaderChange } from '../../shared/cluster'
import type { LogBatch, LogLine } from '../../shared/logs'
import type { ClusterEvent } from '../../shared/cluster-events'
import type { Settings, SettingsView } from '../../shared/settings'
import type { ClusterCommandsView, StartupReport } from '../../shared/contract'
import { words, type EngineWords } from '../../shared/engine-words/engine-words'
import type { ProbeStats } from '../../shared/probe'
import { validateAgainstClusters, type SpecIssue } from '../../shared/validate-cluster-spec'
import { portsOf } from '../../shared/port-scheme'
import { ClusterRuntime } from '../cluster/cluster-runtime'
import { bumpViewRevision } from '../cluster/view-revision'
import { EngineError } from '../errors/engine-error'
import type { ProxyStats } from '../faults/peer-proxy'
import type { EtcdBinary } from '../etcd/etcd-binary'
import { EtcdResolver } from '../etcd/etcd-resolver'
import { openEngineLog, type EngineLog, type OpenEngineLog } from '../log/engine-log'
import { ClusterStore } from '../store/cluster-store'
import { prepareDataDir } from '../store/data-dir'
import { DataLayout } from '../store/data-layout'
import { EngineLock } from '../store/engine-lock'
import { SettingsStore } from '../settings/settings-store'
import { freeClusterName, suggestMembers } from './cluster-planner'
import { ClusterAuth } from './cluster-auth'
import { ClusterKeys } from './cluster-keys'
import { ClusterLeases } from './cluster-leases'
import { ClusterTransfers } from './cluster-transfers'
import { ClusterExports } from '../exports/cluster-exports'
import { KeySearches } from './key-searches'
import { ClusterProbes } from './cluster-probes'
import { ClusterMetrics } from './cluster-metrics'
import { localMetricsSource, remoteMetricsSource } from '../metrics/metrics-sources'
import { createClusterCertificates } from '../tls/cluster-certificates'
import { listClusterCertificates } from '../tls/certificate-listing'
import type { ClusterCertificate } from '../../shared/certificates'
import { ClusterUpgrades } from './cluster-upgrades'
import { ClusterTlsChanges } from './cluster-tls-changes'
import { ClusterConnections } from './cluster-connections'
import { ClusterMaintenance } from './cluster-maintenance'
import { EngineReleases } from './engine-releases'
import {
  applySettingsToOptions,
  resolveEngineOptions,
  type EngineOptions,
  type ResolvedEngineOptions,
} from './engine-options'
import { ClusterCreation } from './cluster-creation'
import { ClusterDiscovery } from '../discovery/cluster-discovery'
import { explainDiscoveryFailure } from '../discovery/discovery-failure'
import { ClusterMembership } from './cluster-membership'
import { EngineLogOpener, type OpenPath } from './engine-log-opener'
import { loadClusters } from './load-clusters'
import { withLines } from './startup-report'
import type { ReconcileOutcome } from './reconcile'
import { ClusterDiagnosis } from '../diagnosis/cluster-diagnosis'
import { ClusterTimeline } from '../timeline/cluster-timeline'

/**
 * Why 5 s: closing (quit, Ctrl-C) first cancels what can be cancelled (starts waiting for health,
 * downloads, automatic restarts); what remains is a stop or a delete, which ends in seconds. The
 * quit itself is bounded at 15 s (shell/quit-guard.ts), and members must still be stopped after.
 */
const CLOSE_DRAIN_MS = 5_000

/** Everything the engine tells its window(s). */
export interface EngineEvents {
  cluster: [view: ClusterView]
  'cluster-removed': [name: string, revision: number]
  status: [status: ClusterStatus]
  'leader-change': [cluster: string, change: LeaderChange]
  logs: [batch: LogBatch]
  settings: [view: SettingsView]
  probe: [stats: ProbeStats]
}

/** The engine facade: clusters, members, logs and keys. The UI contract maps onto it one-to-one. */
export class Engine extends EventEmitter<EngineEvents> {
  readonly keys: ClusterKeys
  /** Leases: list, grant, revoke, keep alive once (the Leases tab). */
  readonly leases: ClusterLeases
  /** Import and export of keys as JSON Lines, with progress and cancel. */
  readonly transfers: ClusterTransfers
  /** "Export to other machines": scripts, Procfile, compose file and systemd units of a cluster. */
  readonly clusterExports: ClusterExports
  /** "Search everything" in the Keys tab: streamed, cancellable key (and value) searches. */
  readonly searches: KeySearches
  /** Authentication: on/off, users, roles, root's password, the key browser's "browse as". */
  readonly auth: ClusterAuth
  /** The write probes ("availability meter"); also the ProbeMeter long operations measure with. */
  readonly probes: ClusterProbes
  /** The Metrics tab's sampling of members' /metrics, while a window shows it. */
  readonly metrics: ClusterMetrics
  /** Snapshots, defragment, compaction, alarms, the NOSPACE drill and the consistency check. */
  readonly maintenance: ClusterMaintenance
  /** etcd releases: list, download with progress, import, remove. */
  readonly releases: EngineReleases
  /** What start-up found of members an earlier engine left running. */
  reconciled: ReconcileOutcome[] = []
  /** Membership and member faults of running clusters: add, promote, remove, make leader, pause. */
  readonly membership: ClusterMembership
  /** Version changes: choices, rolling upgrade / downgrade, pause and abort. */
  readonly upgrades: ClusterUpgrades
  /** Saved connections to clusters etcd Desk did not create. */
  readonly connections: ClusterConnections
  /** "Enable TLS" and "Rotate certificates" on running clusters. */
  readonly tlsChanges: ClusterTlsChanges
  /** What start-up found of an earlier run, to show once; null when there was nothing to tell. */
  startupReport: StartupReport | null = null
  /** Discovery bootstrap: the data directory's discovery etcd and each cluster's token. */
  readonly discovery: ClusterDiscovery
  /** "Save diagnosis": one archive of a cluster for a bug report. */
  readonly diagnosis: ClusterDiagnosis
  /** Each cluster's timeline: leader changes, member state changes and the user's actions. */
  readonly timeline = new ClusterTimeline()
  private readonly runtimes = new Map<string, ClusterRuntime>()
  private readonly creation: ClusterCreation
  private readonly store: ClusterStore
  private readonly resolver: EtcdResolver
  private isClosed = false
  private closed: Promise<void> | null = null

  /** The engine log (`<dataDir>/engine.log`): what the engine did and every error it handled. */
  readonly log: EngineLog

  private constructor(
    readonly options: ResolvedEngineOptions,
    /** The user's settings; changes to live ones are applied to `options` as they are saved. */
    readonly settings: SettingsStore,
    readonly layout: DataLayout,
    private readonly lock: EngineLock,
    private readonly engineLog: OpenEngineLog,
    openPath: OpenPath | undefined,
  ) {
    super()
    this.log = engineLog.log
    this.engineLogOpener = new EngineLogOpener(layout.engineLogFile, this.log, openPath)
    this.store = new ClusterStore(layout)
    this.releases = new EngineReleases(
      {
        releasesDir: layout.releasesDir,
        sources: options.releaseSources,
        offline: options.offline,
        // A release is in use by a cluster on it, or by one member of a mixed-version cluster.
        isInUse: (version) =>
          [...this.runtimes.values()].some(
            (r) =>
              r.def.etcdVersion === version || r.def.members.some((m) => m.etcdVersion === version),
          ),
        findSystemEtcd: () => this.resolver.system(),
      },
      () => (this.options.releaseMirror ? [this.options.releaseMirror] : []),
      this.log,
    )
    this.resolver = new EtcdResolver({
      etcdPath: options.etcdPath,
      releasesDir: layout.releasesDir,
      install: options.install ?? ((version) => this.releases.install(version)),
    })
    this.auth = new ClusterAuth({
      runtime: (name) => this.runtime(name),
      layout,
      secrets: options.secrets,
      log: this.log.child({ module: 'auth' }),
    })
    this.connections = new ClusterConnections({
      dataDir: layout.root,
      secrets: options.secrets,
      clusterNames: () => [...this.runtimes.keys()],
      forgetKeys: (name) => this.keys.forget(name),
      onStatus: (status) => this.emit('status', status),
      onLeaderChange: (name, change) => this.emit('leader-change', name, change),
      log: this.log.child({ module: 'connections' }),
    })
    this.keys = new ClusterKeys(
      (name) => this.runtime(name),
      this.log.child({ module: 'keys' }),
      (name) => this.auth.browseAs(name),
      (name) => this.connections.keyTargetOf(name),
    )
    this.leases = new ClusterLeases(this.keys)
    this.searches = new KeySearches(
      this.keys,
      this.log.child({ module: 'search' }),
      () => settings.current.searchMaxResults,
    )
    this.clusterExports = new ClusterExports({
      definition: (name) => this.runtime(name).def,
      layout,
      log: this.log.child({ module: 'exports' }),
      chooseSavePath: options.chooseSavePath,
    })
    this.transfers = new ClusterTransfers({
      keys: this.keys,
      root: layout.root,
      log: this.log.child({ module: 'transfer' }),
      chooseSavePath: options.chooseSavePath,
      chooseOpenPath: options.chooseOpenPath,
    })
    this.probes = new ClusterProbes({
      runtimeOf: (name) => this.runtime(name),
      push: (stats) => this.emit('probe', stats),
      log: this.log.child({ module: 'probe' }),
    })
    this.metrics = new ClusterMetrics({
      // An open connection answers under its own name; else the local cluster (or
      // CLUSTER_NOT_FOUND from runtime()).
      sourceOf: (name) =>
        (!this.runtimes.has(name) && remoteMetricsSource(name, this.connections)) ||
        localMetricsSource(this.runtime(name), this.probes),
      log: this.log.child({ module: 'metrics' }),
    })
    this.membership = new ClusterMembership({
      runtime: (name) => this.runtime(name),
      taken: () => this.creation.taken(),
      assertOpen: () => this.assertOpen(),
    })
    this.maintenance = new ClusterMaintenance({
      runtime: (name) => this.runtime(name),
      layout,
      probes: this.probes,
      log: this.log.child({ module: 'maintenance' }),
      chooseSavePath: options.chooseSavePath,
      remote: (name) =>
        this.runtimes.has(name) ? null : this.connections.openedMaintenanceTarget(name),
    })
    this.diagnosis = new ClusterDiagnosis({
      runtime: (name) => this.runtime(name),
      root: layout.root,
      engineLogFile: layout.engineLogFile,
      appVersion: options.appVersion,
      log: this.log.child({ module: 'diagnosis' }),
      chooseSavePath: options.chooseSavePath,
    })
    this.upgrades = new ClusterUpgrades({
      runtime: (name) => this.runtime(name),
      probes: this.probes,
      resolveBinary: (version) => this.resolver.resolve(version),
      releases: () => this.releases.list(),
      saveSnapshot: (runtime, member, ctx) => this.maintenance.snapshotWithin(runtime, member, ctx),
      snapshots: () => this.maintenance.snapshots(),
      log: this.log.child({ module: 'upgrade' }),
    })
    this.tlsChanges = new ClusterTlsChanges({
      runtime: (name) => this.runtime(name),
      probes: this.probes,
      takenPorts: () => new Set(this.creation.taken().flatMap((c) => portsOf(c.members))),
    })
    this.discovery = new ClusterDiscovery({
      layout,
      log: this.log,
      systemEtcd: () => this.resolver.system(),
      takenPorts: () => new Set(this.creation.taken().flatMap((c) => portsOf(c.members))),
      isNeeded: () => [...this.runtimes.values()].some((r) => r.def.discovery !== undefined),
    })
    this.creation = new ClusterCreation({
      // A member being added holds its ports from the first step on.
      existing: () => [
        ...[...this.runtimes.values()].map(({ def }) => {
          const adding = def.pendingChange?.kind === 'add' ? [def.pendingChange.member] : []
          return { name: def.name, members: [...def.members, ...adding] }
        }),
        // A saved connection holds its name: keys and status are asked by name.
        ...this.connections.names().map((name) => ({ name, members: [] })),
      ],
      resolveBinary: (version) => this.resolver.resolve(version),
      save: (def) => this.store.save(def),
      addRuntime: async (def) => {
        const runtime = await this.addRuntime(def)
        this.emit('cluster', runtime.view())
        return runtime
      },
      assertOpen: () => this.assertOpen(),
      restorer: this.maintenance.restore,
      createCertificates: (def) => createClusterCertificates(layout, def),
      discovery: this.discovery,
      discard: (name) => this.deleteCluster(name),
      log: this.log,
    })
    settings.on('changed', this.onSettingsChanged)
    // Local clusters and connections alike; a deleted cluster's timeline goes with it.
    this.on('leader-change', (name, change) => this.timeline.recordLeaderChange(name, change))
    this.on('cluster-removed', (name) => this.timeline.forget(name))
  }

  /** Opens the engine on a data directory: takes ownership, loads clusters, adopts or stops orphans. */
  static async open(options: EngineOptions = {}): Promise<Engine> {
    const settings = options.settings ?? SettingsStore.inMemory()
    const resolved = resolveEngineOptions(options, options.settings?.current)
    const layout = new DataLayout(resolved.dataDir)
    await prepareDataDir(layout)
    const lock = await EngineLock.acquire(layout.lockFile)
    const engineLog = openEngineLog({ file: layout.engineLogFile, stderr: options.logToStderr })
    engineLog.log.info({ dataDir: layout.root, appVersion: resolved.appVersion }, 'engine opened')
    const engine = new Engine(resolved, settings, layout, lock, engineLog, options.openPath)
    try {
      await engine.load()
    } catch (error) {
      await engine.close()
      throw error
    }
    return engine
  }

  /** "Open engine log": with the OS in the app; refused in browser mode (the window links to it). */
  readonly engineLogOpener: EngineLogOpener

  /** The etcd found on PATH (or configured), or null. */
  systemEtcd(): Promise<EtcdBinary | null> {
    return this.resolver.system()
  }

  /** All clusters, sorted by name. */
  listClusters(): ClusterView[] {
    return [...this.runtimes.values()]
      .map((r) => r.view())
      .sort((a, b) => a.definition.name.localeCompare(b.definition.name))
  }

  /** One cluster. */
  getCluster(name: string): ClusterView {
    return this.runtime(name).view()
  }

  /**
   * A spec for a new cluster whose ports clash with no cluster and no listening process (with
   * `networkFaults`, proxy ports too).
   */
  async suggestSpec(
    memberCount: number,
    name?: string,
    networkFaults = false,
  ): Promise<ClusterSpec> {
    const takenClusters = this.creation.taken()
    const taken = new Set(takenClusters.flatMap((c) => portsOf(c.members)))
    const host = '127.0.0.1'
    const members = await suggestMembers(memberCount, host, taken, networkFaults)
    const etcdVersion = this.options.defaultEtcdVersion
    return {
      name: name ?? freeClusterName(new Set(takenClusters.map((c) => c.name))),
      members,
      etcdVersion,
      host,
      ...(networkFaults ? { networkFaults } : {}),
    }
  }

  /** Checks a spec the way create would, including clashes with other clusters. */
  validateSpec(spec: ClusterSpec): SpecIssue[] {
    return validateAgainstClusters(spec, this.creation.taken())
  }

  /**
   * Creates a cluster and starts it. Its name and ports are reserved before anything else (a
   * second create of the same name gets CLUSTER_EXISTS, a port of another cluster PORT_IN_USE),
   * then its etcd is resolved (downloaded if needed), its ports checked free, and it is saved.
   */
  createCluster(spec: ClusterSpec, options: { start?: boolean } = {}): Promise<ClusterView> {
    return this.creation.create(spec, options.start !== false)
  }

  /** Starts every stopped member of a cluster and waits until all are healthy. */
  async startCluster(name: string): Promise<ClusterView> {
    this.assertOpen()
    const runtime = this.runtime(name)
    // The discovery check runs inside the start operation: a second start is refused at once
    // (CLUSTER_BUSY), never raced by an await before the operation is registered.
    const prepare = runtime.def.discovery
      ? async () => this.discovery.beforeStart(runtime.def, (await runtime.plan()).binary)
      : undefined
    await runtime.start('start', prepare).catch((error: unknown) => {
      throw explainDiscoveryFailure(error, runtime.def)
    })
    // A membership change an earlier run left half done is finished (or undone) now it runs.
    await runtime.membership.resumePending()
    return this.getCluster(name)
  }

  /** Stops a cluster (its write probe first, then followers, then the leader). */
  async stopCluster(name: string): Promise<ClusterView> {
    this.assertOpen()
    const runtime = this.runtime(name)
    // While the members still answer, so the probe's lease is revoked and its keys go with it.
    await this.probes.stop(name)
    await runtime.stop()
    return this.getCluster(name)
  }

  /**
   * Deletes a cluster and its own folder (data and logs). A running cluster is refused unless
   * `stopFirst` says the user confirmed stopping it. Cancels what runs on it (a start, a restart).
   */
  async deleteCluster(name: string, options: { stopFirst?: boolean } = {}): Promise<void> {
    this.assertOpen()
    const runtime = this.runtime(name)
    if (options.stopFirst) await this.probes.stop(name)
    await runtime.remove(options.stopFirst ?? false, async () => {
      await this.searches.forget(name)
      await this.keys.forget(name)
      this.auth.forget(name)
      await this.probes.forget(name)
      await this.metrics.forget(name)
      await this.store.remove(name)
      if (this.runtimes.get(name) === runtime) this.runtimes.delete(name)
      this.emit('cluster-removed', name, bumpViewRevision())
    })
    await this.discovery.stopIfUnused()
  }

  /** Starts one member. */
  async startMember(cluster: string, member: string): Promise<ClusterView> {
    this.assertOpen()
    const runtime = this.runtime(cluster)
    await this.discovery.beforeStart(runtime.def, (await runtime.plan()).binary)
    await runtime.members.start(member).catch((error: unknown) => {
      throw explainDiscoveryFailure(error, runtime.def)
    })
    return this.getCluster(cluster)
  }

  /** Stops one member gracefully. */
  async stopMember(cluster: string, member: string): Promise<ClusterView> {
    this.assertOpen()
    await this.runtime(cluster).members.stop(member)
    return this.getCluster(cluster)
  }

  /** Restarts one member. */
  async restartMember(cluster: string, member: string): Promise<ClusterView> {
    this.assertOpen()
    await this.runtime(cluster).members.restart(member)
    return this.getCluster(cluster)
  }

  /** SIGKILLs one member on purpose. */
  async killMember(cluster: string, member: string): Promise<ClusterView> {
    this.assertOpen()
    await this.runtime(cluster).members.kill(member)
    return this.getCluster(cluster)
  }

  /** Cuts a member off from the others (a cluster with network faults). */
  async isolateMember(cluster: string, member: string): Promise<ClusterView> {
    this.assertOpen()
    await this.runtime(cluster).faults.isolate(member)
    return this.getCluster(cluster)
  }

  /** Lets an isolated member's peer traffic through again. */
  async healMember(cluster: string, member: string): Promise<ClusterView> {
    this.assertOpen()
    await this.runtime(cluster).faults.heal(member)
    return this.getCluster(cluster)
  }

  /** Delays a member's peer traffic both ways by `ms` (0: none). */
  async setMemberLatency(cluster: string, member: string, ms: number): Promise<ClusterView> {
    this.assertOpen()
    await this.runtime(cluster).faults.setLatency(member, ms)
    return this.getCluster(cluster)
  }

  /** What a member's peer proxy did so far (connections, cuts, delays); for tests and diagnostics. */
  proxyStats(cluster: string, member: string): ProxyStats {
    const proxies = this.runtime(cluster).proxies
    if (!proxies)
      throw new EngineError('NETWORK_FAULTS_OFF', `Cluster ${cluster} has no network faults.`, {
        cluster,
        member,
      })
    return proxies.stats(member)
  }

  /** The revision etcd Desk last compacted a cluster to; null for a connected cluster. */
  compactRevision(name: string): string | null {
    if (this.isOpenConnection(name)) return null
    return this.maintenance.compactRevision(name)
  }

  /** The latest status of a cluster (null before the first poll or when stopped). */
  getStatus(name: string): ClusterStatus | null {
    if (this.isOpenConnection(name)) return this.connections.status(name)
    return this.runtime(name).status()
  }

  /**
   * True when `name` is an open connection (a cluster etcd Desk did not create), which answers
   * under its own name; a local cluster of the same name comes first.
   */
  private isOpenConnection(name: string): boolean {
    return !this.runtimes.has(name) && this.connections.keyTarget(name) !== null
  }

  /** "Show certificates": a TLS cluster's certificates with their files and the checker's findings. */
  clusterCertificates(name: string): Promise<ClusterCertificate[]> {
    return listClusterCertificates(this.layout, this.runtime(name).def)
  }

  /** The exact etcd command line of each member, and the cluster's etcdctl. */
  async clusterCommands(name: string): Promise<ClusterCommandsView> {
    const runtime = this.runtime(name)
    const view = await runtime.commands()
    const discovery = await this.discovery.commands(runtime.def, view.etcdctl)
    return discovery ? { ...view, discovery } : view
  }

  /** A cluster's (or an open connection's) timeline, newest first. */
  clusterTimeline(name: string): ClusterEvent[] {
    if (!this.runtimes.has(name) && !this.connections.names().includes(name)) this.runtime(name)
    return this.timeline.events(name)
  }

  /** Buffered log lines of one member after a sequence number. */
  getLogs(cluster: string, member: string, afterSeq = 0, limit = 1000): LogLine[] {
    const slot = this.runtime(cluster).slots.find((s) => s.spec.name === member)
    if (!slot)
      throw new EngineError(
        'MEMBER_NOT_FOUND',
        `Cluster ${cluster} has no member named ${member}.`,
        { cluster, member },
      )
    return slot.log.since(afterSeq).slice(-limit)
  }

  /**
   * Applies the live settings (start timeout, auto-restart, release mirror, default etcd version)
   * among `changed` (default: all); running clusters see them at their next start or crash.
   */
  applySettings(
    settings: Settings,
    changed = Object.keys(settings) as Array<keyof Settings>,
  ): void {
    applySettingsToOptions(this.options, settings, changed)
  }

  /**
   * Stops everything within a bounded time (or leaves members running) and releases the data
   * dir. From its first line on, every request is refused with ENGINE_CLOSED; what runs is
   * cancelled where it can be, and waited for (at most CLOSE_DRAIN_MS) where it cannot.
   */
  close(options: { keepRunning?: boolean } = {}): Promise<void> {
    this.closed ??= this.shutDown(options.keepRunning ?? false)
    return this.closed
  }

  private async shutDown(keepRunning: boolean): Promise<void> {
    this.isClosed = true
    this.log.info({ keepRunning, clusters: this.runtimes.size }, 'engine closing')
    this.settings.off('changed', this.onSettingsChanged)
    const closing = new EngineError('ENGINE_CLOSED', 'etcd Desk is shutting down.')
    for (const runtime of this.runtimes.values()) runtime.closeOperations(closing)
    await this.metrics.closeAll()
    // First, while the members still answer: each probe's lease is revoked, its keys go with it.
    await this.probes.closeAll()
    // Cancels downloads, so a create waiting for one ends at once.
    await this.releases.close()
    if (!(await this.creation.drain(CLOSE_DRAIN_MS))) {
      this.log.warn({ creates: this.creation.running }, 'a create was still running at close')
    }
    // Exports and imports stop at their next page; their calls then fail on the closed clients.
    this.transfers.cancelAll()
    await this.searches.closeAll()
    await this.keys.closeAll()
    await this.connections.closeAll()
    await Promise.all([...this.runtimes.values()].map((r) => r.close(keepRunning, CLOSE_DRAIN_MS)))
    // After the members: a member still bootstrapping may be asking it.
    await this.discovery
      .close(keepRunning)
      .catch((error: unknown) =>
        this.log.error({ err: error }, 'stopping the discovery etcd failed'),
      )
    await this.lock.release()
    this.log.info('engine closed')
    await this.engineLog.close()
  }

  private async load(): Promise<void> {
    const loaded = await loadClusters(
      this.store,
      (def) => this.addRuntime(def),
      this.options.orphanPolicy,
    )
    this.reconciled = loaded.reconciled
    await this.discovery.load()
    // Their names, so a new cluster cannot take one.
    await this.connections.list()
    const resumed = [...(await this.resumePendingChanges()), ...(await this.resumeUpgrades())]
    this.startupReport = withLines(loaded.report, resumed)
    for (const line of this.startupReport?.lines ?? []) this.log.info(line)
  }

  /** Finishes or rolls back membership changes an earlier run left half done (running clusters). */
  private async resumePendingChanges(): Promise<EngineWords[]> {
    const sentences: EngineWords[] = []
    for (const runtime of this.runtimes.values()) {
      try {
        const outcome = await runtime.membership.resumePending()
        if (outcome) sentences.push(outcome.sentenceWords)
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        this.log.error({ cluster: runtime.def.name, err: error }, 'resuming a change failed')
        sentences.push(
          words('engine-notices:startup.changeNotFinished', { cluster: runtime.def.name, message }),
        )
      }
    }
    return sentences
  }

  /** Reports (and settles) version changes an earlier run left half done. */
  private async resumeUpgrades(): Promise<EngineWords[]> {
    const sentences: EngineWords[] = []
    for (const runtime of this.runtimes.values()) {
      try {
        const sentence = await this.upgrades.resumePending(runtime)
        if (sentence) sentences.push(sentence)
      } catch (error) {
        this.log.error(
          { cluster: runtime.def.name, err: error },
          'settling a version change failed',
        )
        sentences.push(
          words('engine-notices:startup.versionChangeNotSettled', {
            cluster: runtime.def.name,
            message: (error as Error).message,
          }),
        )
      }
    }
    return sentences
  }

  /** Applies saved settings that take effect live, then tells the window(s). */
  private readonly onSettingsChanged = (view: SettingsView, changed: Array<keyof Settings>) => {
    this.applySettings(view.settings, changed)
    this.emit('settings', view)
  }

  private async addRuntime(def: ClusterRuntime['def']): Promise<ClusterRuntime> {
    const options = this.options
    const runtime = new ClusterRuntime(def, {
      layout: this.layout,
      store: this.store,
      resolveBinary: (v) => this.resolver.resolve(v),
      log: this.log.child({ cluster: def.name }),
      probes: this.probes,
      // Getters, not copies: settings applied later reach clusters that already exist.
      get startTimeoutMs() {
        return options.startTimeoutMs
      },
      get autoRestart() {
        return options.autoRestart
      },
    })
    runtime.on('changed', (view) => this.emit('cluster', view))
    runtime.on('status', (status) => this.emit('status', status))
    runtime.on('leader-change', (change) => this.emit('leader-change', def.name, change))
    runtime.on('logs', (batch) => this.emit('logs', batch))
    runtime.on('member-state', (member, state, exit) =>
      this.timeline.recordMemberState(def.name, member, state, exit),
    )
    // Not once the cluster is gone: its delete ends after its removal.
    runtime.on('operation-ended', (ended) => {
      if (this.runtimes.get(def.name) === runtime) this.timeline.recordAction(def.name, ended)
    })
    await runtime.init()
    // After init (its TLS material): root's saved password reaches every client of the cluster.
    await this.auth.attach(runtime)
    this.runtimes.set(def.name, runtime)
    return runtime
  }

  private runtime(name: string): ClusterRuntime {
    const runtime = this.runtimes.get(name)
    if (!runtime)
      throw new EngineError('CLUSTER_NOT_FOUND', `There is no cluster named ${name}.`, {
        cluster: name,
      })
    return runtime
  }

  private assertOpen(): void {
    if (this.isClosed) throw new EngineError('ENGINE_CLOSED', 'The engine is shutting down.')
  }
}
