import { EventEmitter } from 'node:events'
import type {
  ClusterDefinition,
  ClusterStatus,
  ClusterView,
  ExitInfo,
  MemberState,
  LeaderChange,
  MemberDefinition,
  OperationReport,
} from '../../shared/cluster'
import type { LogBatch } from '../../shared/logs'
import type { ClusterCommandsView } from '../../shared/contract'
import { settlesWithin } from '../async/settles-within'
import { EngineError } from '../errors/engine-error'
import type { EtcdBinary } from '../etcd/etcd-binary'
import { PLAIN_SECURITY, type ClientSecurity } from '../etcd/client-security'
import { PeerProxies } from '../faults/peer-proxies'
import { MemberStatusReader } from '../status/member-status-reader'
import { loadClientSecurity } from '../tls/cluster-certificates'
import type { EngineLog } from '../log/engine-log'
import type { ProbeMeter } from '../probe/probe-meter'
import { LogBatcher } from '../logs/log-batcher'
import type { AutoRestartPolicy } from '../process/restart-policy'
import { ClusterStatusPoller } from '../status/cluster-status-poller'
import type { ClusterStore } from '../store/cluster-store'
import type { DataLayout } from '../store/data-layout'
import { shellCommand } from '../../shared/shell-words'
import { words } from '../../shared/engine-words/engine-words'
import { clusterStateOf } from './cluster-state'
import {
  ClusterOperations,
  type OperationContext,
  type OperationRequest,
} from './cluster-operations'
import { clientUrlOf } from './etcd-flags'
import { planLaunch } from './launch-plan'
import { etcdctlTls } from '../membership/etcdctl-twin'
import { MembershipActions } from '../membership/membership-actions'
import { MemberActions } from './member-actions'
import { MemberFaultActions } from './member-fault-actions'
import { isLive, MemberLifecycle } from './member-lifecycle'
import { MemberSlot } from './member-slot'
import { RestartTimers } from './restart-timers'
import { RunRecordWriter } from './run-record-writer'
import type { EndedOperation } from '../timeline/cluster-timeline'
import { bumpViewRevision, currentViewRevision } from './view-revision'

/** What a cluster runtime needs from the engine. */
export interface ClusterRuntimeDeps {
  layout: DataLayout
  store: ClusterStore
  resolveBinary: (version: string) => Promise<EtcdBinary>
  startTimeoutMs: number
  autoRestart: AutoRestartPolicy
  /** The engine log, with this cluster's name in every line. */
  log: EngineLog
  /** Counts the write probe's writes during long operations (member add, defragment …). */
  probes: ProbeMeter
}

/** Events of one cluster runtime. */
export interface ClusterRuntimeEvents {
  changed: [view: ClusterView]
  status: [status: ClusterStatus]
  'leader-change': [change: LeaderChange, status: ClusterStatus]
  logs: [batch: LogBatch]
  'member-exit': [member: string, info: ExitInfo, expected: boolean]
  /** A member's process entered `state` (`exit`: how it last ended, for crashed and errored). */
  'member-state': [member: string, state: MemberState, exit: ExitInfo | null]
  /** An operation that ran ended (the cluster timeline records the user's). */
  'operation-ended': [ended: EndedOperation]
}

/** The cluster's binary, and each member's binary and arguments. */
export interface RuntimePlan {
  /** The cluster's own etcd (its version setting): etcdctl and etcdutl come from it. */
  binary: EtcdBinary
  /** The etcd a member runs (its own version in a mixed-version cluster). */
  binaryOf: (slot: MemberSlot) => EtcdBinary
  args: (slot: MemberSlot) => string[]
}

/**
 * One cluster's live side: its member processes, logs and status poller. Every operation on it
 * runs through its ClusterOperations (one at a time), and it owns every timer it starts.
 */
export class ClusterRuntime extends EventEmitter<ClusterRuntimeEvents> {
  readonly slots: MemberSlot[]
  /** Collects all members' new log lines into batches for the window (~every 100 ms). */
  readonly logBatcher: LogBatcher
  readonly log: EngineLog
  /** What the user does to one member: start, stop, restart, kill, pause, resume. */
  readonly members: MemberActions
  /** Membership: add, promote, remove, make leader. */
  readonly membership: MembershipActions
  /** The peer proxies of a cluster with network faults (add/remove for membership), else null. */
  readonly proxies: PeerProxies | null
  /** Network faults on purpose: isolate, heal, latency (NETWORK_FAULTS_OFF without proxies). */
  readonly faults: MemberFaultActions
  private readonly poller: ClusterStatusPoller
  private readonly operations: ClusterOperations
  private readonly restartTimers = new RestartTimers()
  /** How members start and stop (the work inside operations). */
  readonly lifecycle: MemberLifecycle
  private readonly runRecord: RunRecordWriter
  /** TLS material and user for this cluster's clients; loaded by init() (plain until then). */
  private clientSecurity: ClientSecurity = PLAIN_SECURITY
  private lastStatus: ClusterStatus | null = null
  private lastOperation: OperationReport | null = null
  private isClosing = false
  private isReleased = false

  constructor(
    private definition: ClusterDefinition,
    private readonly deps: ClusterRuntimeDeps,
  ) {
    super()
    this.log = deps.log
    this.logBatcher = new LogBatcher({
      cluster: definition.name,
      emit: (batch) => this.emit('logs', batch),
      onError: (error) => this.log.error({ err: error }, 'pushing log lines failed'),
    })
    this.operations = new ClusterOperations(
      definition.name,
      () => this.notifyChanged(),
      (ended) => {
        // Recording must never change an operation's outcome (it runs in the operation's finally).
        try {
          this.emit('operation-ended', ended)
        } catch (error) {
          this.log.error({ err: error, operation: ended.kind }, 'recording an operation failed')
        }
      },
    )
    this.slots = definition.members.map((spec) => new MemberSlot(definition, spec, deps, this))
    this.poller = new ClusterStatusPoller(
      definition.name,
      definition.members.map((m) => ({ name: m.name, clientUrl: clientUrlOf(definition, m) })),
      {
        onError: (error) => this.log.warn({ err: error }, 'status poll failed'),
        // Readers are made at the first poll, after init() loaded the cluster's certificates.
        createReader: (endpoint) => new MemberStatusReader(endpoint, this.clientSecurity),
      },
    )
    this.poller.on('status', (status) => {
      this.lastStatus = status
      this.proxies?.updateNames(status.memberList)
      this.emit('status', status)
    })
    this.poller.on('leader-change', (change, status) => this.emit('leader-change', change, status))
    this.runRecord = new RunRecordWriter(definition.name, deps.store, this.log, () =>
      this.notifyChanged(),
    )
    this.lifecycle = new MemberLifecycle(this, this.poller, deps)
    this.members = new MemberActions({
      cluster: definition.name,
      slots: this.slots,
      operations: this.operations,
      lifecycle: this.lifecycle,
      restartTimers: this.restartTimers,
      log: this.log,
      report: (report) => this.setLastOperation(report),
    })
    this.membership = new MembershipActions(this, deps.probes)
    this.proxies = definition.networkFaults
      ? new PeerProxies(definition.members, {
          cluster: definition.name,
          host: definition.host,
          tls: definition.tls,
          token: definition.token,
          log: this.log.child({ module: 'faults' }),
        })
      : null
    this.faults = new MemberFaultActions({
      cluster: definition.name,
      proxies: this.proxies,
      assertMember: (name) => void this.members.slot(name),
      run: (request, work) => this.operations.run(request, work),
      notifyChanged: () => this.notifyChanged(),
      log: this.log,
    })
  }

  /** TLS material and user every client of this cluster presents. */
  get security(): ClientSecurity {
    return this.clientSecurity
  }

  /**
   * Sets (or clears) the etcd user every client of this cluster presents: root once
   * authentication is on and its password known. Clients opened earlier pick it up: the status
   * readers are replaced now; the probe and key clients compare `security` at their next call.
   */
  setAuth(auth: ClientSecurity['auth']): void {
    // The same user again (or none again, as auth's first check of a new cluster records): keep
    // the object, else the key browser's service and its watches are replaced for nothing.
    const now = this.clientSecurity.auth
    if (now?.username === auth?.username && now?.password === auth?.password) return
    this.clientSecurity = { ...this.clientSecurity, auth }
    this.poller.renewReaders()
  }

  /** Where this cluster's files live. */
  get layout(): DataLayout {
    return this.deps.layout
  }

  /** The cluster as stored; only the system etcd's recorded version ever changes. */
  get def(): ClusterDefinition {
    return this.definition
  }

  /**
   * Opens the peer proxies (network faults), before any member starts or is adopted, then reads
   * back each member's log history from disk and starts following the log files.
   */
  async init(): Promise<void> {
    this.clientSecurity = await loadClientSecurity(this.deps.layout, this.definition)
    await this.proxies?.listenAll()
    await Promise.all(this.slots.map((s) => s.log.start()))
  }

  /** Saves a changed definition (a membership change, step by step) and tells the window. */
  async saveDefinition(def: ClusterDefinition): Promise<void> {
    // Clients switch to https ("Enable TLS") with the certificates in the same step as the URLs.
    const security =
      def.tls === this.definition.tls
        ? this.clientSecurity
        : { ...(await loadClientSecurity(this.deps.layout, def)), auth: this.clientSecurity.auth }
    await this.deps.store.save(def)
    this.definition = def
    this.clientSecurity = security
    for (const slot of this.slots) {
      const member = def.members.find((m) => m.name === slot.spec.name)
      if (member) slot.spec = member
    }
    // A TLS switch moves client URLs (a plain port of its own, then https): polls follow.
    this.pollMembers()
    this.notifyChanged()
  }

  /**
   * Loads the cluster's client certificate again (after "Rotate certificates"): status readers are
   * replaced now; the probe and key clients compare `security` at their next call. The user
   * (auth) is kept.
   */
  async reloadSecurity(): Promise<void> {
    const loaded = await loadClientSecurity(this.deps.layout, this.definition)
    this.clientSecurity = { ...loaded, auth: this.clientSecurity.auth }
    this.poller.renewReaders()
  }

  /** A slot for a member just added to the definition: its log followed, its status polled. */
  async addSlot(member: MemberDefinition): Promise<MemberSlot> {
    const slot = new MemberSlot(this.definition, member, this.deps, this)
    this.slots.push(slot)
    await slot.log.start()
    this.pollMembers()
    this.notifyChanged()
    return slot
  }

  /** Forgets the slot of a removed member whose process has ended. */
  async removeSlot(name: string): Promise<void> {
    const slot = this.members.slot(name)
    this.slots.splice(this.slots.indexOf(slot), 1)
    this.pollMembers()
    await slot.log.stop()
    this.notifyChanged()
  }

  /** The cluster as the window shows it. */
  view(): ClusterView {
    const members = this.slots.map((s) => s.view())
    return {
      definition: this.def,
      state: clusterStateOf(members.map((m) => m.state)),
      members,
      dir: this.deps.layout.clusterDir(this.def.name),
      operation: this.operations.current(),
      warning: this.runRecord.problem,
      warningWords: this.runRecord.problemWords,
      lastOperation: this.lastOperation,
      revision: currentViewRevision(),
    }
  }

  /** The latest polled status, if any. */
  status(): ClusterStatus | null {
    return this.lastStatus
  }

  /** True while any member has a live process. */
  isActive(): boolean {
    return this.slots.some((s) => isLive(s.process.state))
  }

  /** Records how a long operation went (shown with the cluster until the next one). */
  setLastOperation(report: OperationReport): void {
    this.lastOperation = report
    this.notifyChanged()
  }

  /** Runs one of the engine's own operations (delete) under this cluster's discipline. */
  runOperation<T>(request: OperationRequest, work: (ctx: OperationContext) => Promise<T>) {
    return this.operations.run(request, work)
  }

  /** Starts every member that is not running, all at once, and waits until all are healthy. */
  start(
    kind: 'start' | 'create' = 'start',
    /** Runs first, inside the operation (a discovery cluster's token check). */
    prepare?: () => Promise<void>,
  ): Promise<void> {
    const label = words(
      kind === 'create'
        ? 'engine-steps-cluster:label.createCluster'
        : 'engine-steps-cluster:label.startCluster',
      { cluster: this.def.name },
    )
    return this.operations.run(
      { kind, label, policy: 'refuse', isCancellable: true },
      async (ctx) => {
        if (prepare) {
          ctx.step(words('engine-steps-cluster:step.checkingDiscovery'))
          await prepare()
        }
        await this.lifecycle.startAll(ctx)
      },
    )
  }

  /** Stops all live members (followers first, then the leader); cancels pending restarts. */
  stop(): Promise<void> {
    this.cancelRestarts('the cluster is being stopped')
    return this.operations.run(
      {
        kind: 'stop',
        label: words('engine-steps-cluster:label.stopCluster', { cluster: this.def.name }),
        policy: 'preempt',
      },
      (ctx) => this.lifecycle.stopAll(ctx),
    )
  }

  /** Takes over a member process left running by an earlier engine. */
  adopt(name: string, pid: number, command: string): void {
    this.members.slot(name).adopt(pid, command)
    this.lifecycle.afterSpawn()
  }

  /** The exact etcd command line of each member, copyable into a shell. */
  async commands(): Promise<ClusterCommandsView> {
    const { binary, binaryOf, args } = await this.plan()
    const members = this.slots.map((s) => ({
      member: s.spec.name,
      etcd: shellCommand(binaryOf(s).etcd, args(s)),
      args: args(s),
    }))
    return { members, etcdctl: binary.etcdctl, etcdctlTls: etcdctlTls(this) }
  }

  /**
   * Ends the runtime for an engine that closes: refuses new operations, cancels pending restarts
   * and cancellable operations, waits for the rest (at most `drainMs`), then stops the members
   * (or leaves them running for the next engine to adopt).
   */
  async close(keepRunning: boolean, drainMs: number): Promise<void> {
    this.isClosing = true
    const closed = new EngineError('ENGINE_CLOSED', 'etcd Desk is shutting down.', {
      cluster: this.def.name,
    })
    this.operations.close(closed)
    this.cancelRestarts('etcd Desk is shutting down')
    if (!(await settlesWithin(this.operations.drain(), drainMs))) {
      this.log.warn(
        { drainMs, operation: this.operations.current() },
        'operation still running at close',
      )
    }
    await this.release(keepRunning)
  }

  /**
   * Deletes the cluster as an operation that preempts any other: stops its members first when
   * `stopFirst` (else a running cluster is refused with CLUSTER_RUNNING), ends the runtime, then
   * runs `removeFiles`. Later operations are refused with CLUSTER_NOT_FOUND.
   */
  remove(stopFirst: boolean, removeFiles: () => Promise<void>): Promise<void> {
    const name = this.def.name
    this.cancelRestarts('the cluster is being deleted')
    return this.operations.run(
      {
        kind: 'delete',
        label: words('engine-steps-cluster:label.deleteCluster', { cluster: name }),
        policy: 'preempt',
      },
      async (ctx) => {
        if (this.isReleased) throw notFound(name)
        if (this.isActive() && stopFirst) await this.lifecycle.stopAll(ctx)
        if (this.isActive()) {
          throw new EngineError(
            'CLUSTER_RUNNING',
            `Cluster ${name} is running; stop it before deleting it (this deletes its data).`,
            { cluster: name },
          )
        }
        this.operations.close(notFound(name))
        ctx.step(words('engine-steps-cluster:step.removingFolder'))
        await this.release(false)
        await removeFiles()
        this.log.info('cluster deleted')
      },
    )
  }

  /** Stops following logs and status and stops the members (unless `keepRunning`); final. */
  private async release(keepRunning: boolean): Promise<void> {
    if (this.isReleased) return
    this.isReleased = true
    this.isClosing = true
    this.cancelRestarts('the cluster is going away')
    if (keepRunning) this.slots.forEach((s) => s.process.release())
    else await this.lifecycle.stopLive('stopped')
    // After the stop (the leader's exit waits for its peer links): members left running lose theirs.
    await this.proxies?.close()
    await this.poller.stop()
    await Promise.all(this.slots.map((s) => s.log.stop()))
    this.logBatcher.stop()
    await this.runRecord.close(this.liveEntries())
  }

  /** Refuses every later operation and cancels the cancellable ones (the engine is closing). */
  closeOperations(reason: EngineError): void {
    this.operations.close(reason)
  }

  /** True once close() or release() began: nothing restarts any more. */
  get closing(): boolean {
    return this.isClosing
  }

  /** True when a crashed member may be restarted automatically now. */
  acceptsRestarts(): boolean {
    return !this.isClosing && !this.operations.has('stop', 'delete')
  }

  /** Restarts a crashed member after `delayMs`, unless stop, delete, quit or the user cancel it. */
  scheduleRestart(slot: MemberSlot, delayMs: number): void {
    const name = slot.spec.name
    this.log.info({ member: name, delayMs }, 'automatic restart scheduled')
    this.restartTimers.schedule(name, delayMs, () => void this.lifecycle.autoRestart(slot))
  }

  /** Records the live members' pids and command lines, for adoption after an engine crash. */
  saveRunRecord(): Promise<void> {
    return this.runRecord.save(this.liveEntries())
  }

  /** Tells the window something changed. */
  notifyChanged(): void {
    // A deleted (or closed) cluster sends nothing more: the window already dropped it.
    if (this.isReleased) return
    bumpViewRevision()
    this.emit('changed', this.view())
  }

  /** Resolves the binary and each member's arguments (recording a changed system etcd). */
  async plan(): Promise<RuntimePlan> {
    const plan = await planLaunch(this.def, this.deps.layout, this.deps.resolveBinary)
    if (this.def.etcdVersion === 'system' && plan.binary.version !== this.def.resolvedVersion) {
      // The etcd on PATH changed (allowed by planLaunch): its data is now that version's.
      this.log.info(
        { from: this.def.resolvedVersion, to: plan.binary.version },
        'system etcd version changed; recorded',
      )
      this.definition = { ...this.def, resolvedVersion: plan.binary.version }
      await this.deps.store.save(this.definition)
      this.notifyChanged()
    }
    return {
      binary: plan.binary,
      binaryOf: (slot) => plan.binaries.get(slot.spec.name) ?? plan.binary,
      args: (slot) => plan.args.get(slot.spec.name) ?? [],
    }
  }

  /** The status seen last, polling once when there is none yet (the stop order needs the leader). */
  async leaderName(): Promise<string | null> {
    if (!this.lastStatus) await this.lifecycle.pollQuietly()
    return this.lastStatus?.leaderName ?? null
  }

  /** Polls the members there are now (after one was added or removed). */
  private pollMembers(): void {
    const def = this.definition
    this.poller.setMembers(
      this.slots.map((s) => ({ name: s.spec.name, clientUrl: clientUrlOf(def, s.spec) })),
    )
  }

  private cancelRestarts(why: string): void {
    const cancelled = this.restartTimers.cancelAll()
    if (cancelled.length > 0)
      this.log.info({ members: cancelled, why }, 'automatic restarts cancelled')
  }

  private liveEntries() {
    return this.slots.flatMap((s) => (s.runEntry ? [s.runEntry] : []))
  }
}

function notFound(cluster: string): EngineError {
  return new EngineError('CLUSTER_NOT_FOUND', `There is no cluster named ${cluster}.`, { cluster })
}
