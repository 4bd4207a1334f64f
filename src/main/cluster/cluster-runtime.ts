import { EventEmitter } from 'node:events'
import type {
  ClusterDefinition,
  ClusterStatus,
  ClusterView,
  ExitInfo,
  LeaderChange,
  MemberState,
} from '../../shared/cluster'
import type { LogBatch } from '../../shared/logs'
import { quorumOf } from '../../shared/cluster-rules'
import { EngineError } from '../errors/engine-error'
import type { EtcdBinary } from '../etcd/etcd-binary'
import { assertPortsFree } from '../ports/port-check'
import { LogBatcher } from '../logs/log-batcher'
import { ClusterStatusPoller } from '../status/cluster-status-poller'
import type { DataLayout } from '../store/data-layout'
import type { ClusterStore } from '../store/cluster-store'
import type { AutoRestartPolicy } from '../process/restart-policy'
import { clusterStateOf } from './cluster-state'
import { waitForNoActivePeers } from './peer-activity'
import { shellCommand } from '../../shared/shell-words'
import { clientUrlOf } from './etcd-flags'
import { planLaunch } from './launch-plan'
import { MemberSlot } from './member-slot'
import { stopWaves } from './stop-order'
import { bumpViewRevision, currentViewRevision } from './view-revision'

/** What a cluster runtime needs from the engine. */
export interface ClusterRuntimeDeps {
  layout: DataLayout
  store: ClusterStore
  resolveBinary: (version: string) => Promise<EtcdBinary>
  startTimeoutMs: number
  autoRestart: AutoRestartPolicy
}

/** Events of one cluster runtime. */
export interface ClusterRuntimeEvents {
  changed: [view: ClusterView]
  status: [status: ClusterStatus]
  'leader-change': [change: LeaderChange, status: ClusterStatus]
  logs: [batch: LogBatch]
  'member-exit': [member: string, info: ExitInfo, expected: boolean]
}

/** The exact command lines of one member. */
export interface MemberCommand {
  member: string
  etcd: string
  args: string[]
}

/** Every member's command line, and the etcdctl that matches the cluster's etcd. */
export interface ClusterCommands {
  members: MemberCommand[]
  etcdctl: string
}

/** One cluster's live side: its member processes, logs and status poller. */
export class ClusterRuntime extends EventEmitter<ClusterRuntimeEvents> {
  readonly slots: MemberSlot[]
  /** The cluster as stored; only the system etcd's recorded version ever changes. */
  get def(): ClusterDefinition {
    return this.definition
  }

  /** Collects all members' new log lines into batches for the window (~every 100 ms). */
  readonly logBatcher: LogBatcher
  private readonly poller: ClusterStatusPoller
  private lastStatus: ClusterStatus | null = null
  private runRecordWrites: Promise<void> = Promise.resolve()
  private isRecordClosed = false
  private isClosing = false

  constructor(
    private definition: ClusterDefinition,
    private readonly deps: ClusterRuntimeDeps,
  ) {
    super()
    this.logBatcher = new LogBatcher({
      cluster: definition.name,
      emit: (batch) => this.emit('logs', batch),
    })
    this.slots = definition.members.map((spec) => new MemberSlot(definition, spec, deps, this))
    const endpoints = definition.members.map((m) => ({
      name: m.name,
      clientUrl: clientUrlOf(definition.host, m),
    }))
    this.poller = new ClusterStatusPoller(definition.name, endpoints)
    this.poller.on('status', (status) => {
      this.lastStatus = status
      this.emit('status', status)
    })
    this.poller.on('leader-change', (change, status) => this.emit('leader-change', change, status))
  }

  /** Reads back each member's log history from disk and starts following the log files. */
  async init(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.log.start()))
  }

  /** The cluster as the window shows it. */
  view(): ClusterView {
    const members = this.slots.map((s) => s.view())
    const state = clusterStateOf(members.map((m) => m.state))
    return {
      definition: this.def,
      state,
      members,
      dir: this.deps.layout.clusterDir(this.def.name),
      operation: null,
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

  /** Starts every member that is not running, all at once, and waits until all are healthy. */
  async start(): Promise<void> {
    const toStart = this.slots.filter((s) => !isLive(s.process.state))
    if (toStart.length === 0) {
      throw new EngineError('CLUSTER_RUNNING', `Cluster ${this.def.name} is already running.`, {
        cluster: this.def.name,
      })
    }
    const { binary, args } = await this.plan()
    await assertPortsFree(
      this.def,
      toStart.map((s) => s.spec),
    )
    // All at once: a member only becomes ready once a quorum is up (ETCD-FACTS 5.2).
    for (const slot of toStart) slot.spawn(binary.etcd, args(slot))
    this.afterSpawn()
    const deadline = Date.now() + this.deps.startTimeoutMs
    const results = await Promise.allSettled(
      toStart.map((s) => s.process.waitReady(deadline, true)),
    )
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
    if (failure) {
      await this.stopSlots(toStart, 'start of the cluster failed')
      throw failure.reason
    }
    // Fresh status for the window, without holding up the caller.
    void this.poller.pollNow().catch(() => undefined)
  }

  /** Stops all live members: followers together first, then the leader. */
  async stop(): Promise<void> {
    const live = this.slots.filter((s) => isLive(s.process.state))
    if (live.length === 0) return
    await this.stopSlots(live, 'stopped')
  }

  /** Starts one member; waits for health when a quorum will be up, else only for its client port. */
  async startMember(name: string): Promise<void> {
    const slot = this.slot(name)
    if (isLive(slot.process.state)) {
      throw new EngineError(
        'MEMBER_RUNNING',
        `Member ${name} of cluster ${this.def.name} is already ${slot.process.state}.`,
        { cluster: this.def.name, member: name },
      )
    }
    const { binary, args } = await this.plan()
    await assertPortsFree(this.def, [slot.spec])
    slot.spawn(binary.etcd, args(slot))
    this.afterSpawn()
    const liveAfter = this.slots.filter((s) => isLive(s.process.state)).length
    const canBeHealthy = liveAfter >= quorumOf(this.slots.length)
    await slot.process.waitReady(Date.now() + this.deps.startTimeoutMs, canBeHealthy)
    // Fresh status for the window, without holding up the caller.
    void this.poller.pollNow().catch(() => undefined)
  }

  /** Stops one member gracefully. */
  async stopMember(name: string): Promise<void> {
    const slot = this.liveSlot(name)
    await slot.stop('stopped')
    await this.afterStop()
  }

  /** Stops (if running) and starts one member again. */
  async restartMember(name: string): Promise<void> {
    const slot = this.slot(name)
    if (isLive(slot.process.state)) await slot.stop('restarted')
    await this.startMember(name)
  }

  /** SIGKILLs one member on purpose, e.g. to watch the others elect a new leader. */
  async killMember(name: string): Promise<void> {
    const slot = this.liveSlot(name)
    await slot.process.kill()
    await this.afterStop()
  }

  /** Takes over a member process left running by an earlier engine. */
  adopt(name: string, pid: number, command: string): void {
    this.slot(name).adopt(pid, command)
    this.afterSpawn()
  }

  /** The exact etcd command line of each member, copyable into a shell. */
  async commands(): Promise<ClusterCommands> {
    const { binary, args } = await this.plan()
    const members = this.slots.map((s) => ({
      member: s.spec.name,
      etcd: shellCommand(binary.etcd, args(s)),
      args: args(s),
    }))
    return { members, etcdctl: binary.etcdctl }
  }

  /** Stops following logs and status; stops members unless asked to keep them running. */
  async close(keepRunning: boolean): Promise<void> {
    this.isClosing = true
    if (keepRunning) this.slots.forEach((s) => s.process.release())
    else await this.stop()
    await this.poller.stop()
    await Promise.all(this.slots.map((s) => s.log.stop()))
    this.logBatcher.stop()
    await this.saveRunRecord()
    this.isRecordClosed = true
    await this.runRecordWrites
  }

  /** True once close() began: nothing restarts any more. */
  get closing(): boolean {
    return this.isClosing
  }

  /** Records the live members' pids and command lines, for adoption after an engine crash. */
  saveRunRecord(): Promise<void> {
    // Serialized, so an older record never lands after a newer one, and close() can wait for it.
    this.runRecordWrites = this.runRecordWrites.then(async () => {
      if (this.isRecordClosed) return
      const entries = this.slots.flatMap((s) => (s.runEntry ? [s.runEntry] : []))
      await this.deps.store.saveRunRecord(this.def.name, entries).catch(() => undefined)
    })
    return this.runRecordWrites
  }

  /** Tells the window something changed. */
  notifyChanged(): void {
    bumpViewRevision()
    this.emit('changed', this.view())
  }

  private async plan(): Promise<{ binary: EtcdBinary; args: (slot: MemberSlot) => string[] }> {
    const plan = await planLaunch(this.def, this.deps.layout, this.deps.resolveBinary)
    if (this.def.etcdVersion === 'system' && plan.binary.version !== this.def.resolvedVersion) {
      // The etcd on PATH changed (allowed by planLaunch): its data is now that version's.
      this.definition = { ...this.def, resolvedVersion: plan.binary.version }
      await this.deps.store.save(this.definition)
      this.notifyChanged()
    }
    return { binary: plan.binary, args: (slot) => plan.args.get(slot.spec.name) ?? [] }
  }

  private async stopSlots(slots: MemberSlot[], reason: string): Promise<void> {
    // The stop order needs the leader; ask once if no poll has told us yet.
    if (!this.lastStatus && slots.length > 1) await this.poller.pollNow().catch(() => undefined)
    const leader = this.lastStatus?.leaderName ?? null
    const waves = stopWaves(slots, (s) => s.spec.name, leader)
    for (const [i, wave] of waves.entries()) {
      const isLastMember =
        i > 0 &&
        wave.length === 1 &&
        !this.slots.some((s) => s !== wave[0] && isLive(s.process.state))
      if (isLastMember) await waitForNoActivePeers(wave[0]!.view().clientUrl)
      await Promise.all(wave.map((s) => s.stop(reason)))
    }
    await this.afterStop()
  }

  private afterSpawn(): void {
    void this.saveRunRecord()
    this.poller.start()
  }

  private async afterStop(): Promise<void> {
    await this.saveRunRecord()
    if (!this.isActive()) await this.poller.stop()
    else void this.poller.pollNow().catch(() => undefined)
  }

  private liveSlot(name: string): MemberSlot {
    const slot = this.slot(name)
    if (!isLive(slot.process.state)) {
      throw new EngineError(
        'MEMBER_NOT_RUNNING',
        `Member ${name} of cluster ${this.def.name} is not running.`,
        {
          cluster: this.def.name,
          member: name,
        },
      )
    }
    return slot
  }

  private slot(name: string): MemberSlot {
    const slot = this.slots.find((s) => s.spec.name === name)
    if (!slot) {
      throw new EngineError(
        'MEMBER_NOT_FOUND',
        `Cluster ${this.def.name} has no member named ${name}.`,
        { cluster: this.def.name, member: name },
      )
    }
    return slot
  }
}

/** True for states in which a process exists. */
export function isLive(state: MemberState): boolean {
  return state === 'starting' || state === 'running' || state === 'stopping'
}
