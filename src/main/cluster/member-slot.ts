import type { ClusterDefinition, MemberDefinition, MemberView } from '../../shared/cluster'
import { memberVersionOf } from '../../shared/cluster-rules'
import { isEngineError } from '../errors/engine-error'
import { MemberLog } from '../logs/member-log'
import { MemberProcess } from '../process/member-process'
import type { StopReason } from '../process/exit-words'
import { decideRestart } from '../process/restart-policy'
import type { RunRecordEntry } from '../store/cluster-store'
import { LOG_TAIL_LINES } from '../process/member-process'
import { memberFolder } from '../store/data-layout'
import type { ClusterRuntime, ClusterRuntimeDeps } from './cluster-runtime'
import { clientUrlOf, peerUrlOf } from './etcd-flags'

/** One member of a cluster runtime: its spec, process, log, and crash bookkeeping. */
export class MemberSlot {
  readonly process: MemberProcess
  readonly log: MemberLog
  runEntry: RunRecordEntry | null = null
  /** Automatic restarts so far. */
  restarts = 0
  private quickCrashes = 0

  constructor(
    private readonly def: ClusterDefinition,
    /** The member as defined now (a promote turns a learner into a voter). */
    public spec: MemberDefinition,
    private readonly deps: ClusterRuntimeDeps,
    private readonly runtime: ClusterRuntime,
  ) {
    const logFile = deps.layout.memberLogFile(def.name, memberFolder(spec))
    this.log = new MemberLog({
      member: spec.name,
      file: logFile,
      onError: (error) =>
        runtime.log.warn({ member: spec.name, err: error }, 'reading the member log failed'),
    })
    this.log.on('lines', (lines) => runtime.logBatcher.add(lines))
    this.process = new MemberProcess({
      cluster: def.name,
      member: spec.name,
      clientUrl: () => clientUrlOf(runtime.def, this.spec),
      logFile,
      readLogTail: (n) => this.log.readTail(n),
      security: () => runtime.security,
    })
    this.process.on('state', (state) => {
      runtime.emit('member-state', spec.name, state, this.process.lastExit)
      runtime.notifyChanged()
      // Why on the state and not on 'exit' (which waits for the log tail): a Stop all clicked in
      // between must find the restart already scheduled, so that it cancels it.
      if (state === 'crashed') this.onCrash()
    })
    this.process.on('exit', (info, expected) => {
      // A quick automatic restart may have spawned the member again before this (late) event.
      if (this.process.pid === null) this.runEntry = null
      void runtime.saveRunRecord()
      runtime.emit('member-exit', spec.name, info, expected)
    })
  }

  /** Starts the process and remembers how to recognise it later. */
  spawn(binary: string, args: string[]): void {
    this.process.spawn(binary, args)
    this.record([binary, ...args].join(' '))
  }

  /** Takes over a process an earlier engine started. */
  adopt(pid: number, command: string): void {
    this.process.adopt(pid)
    this.record(command)
  }

  /** Stops the process gracefully. */
  async stop(reason: StopReason): Promise<void> {
    await this.process.stop(reason)
  }

  /** Counts an automatic restart (shown on the member). */
  countRestart(): void {
    this.restarts++
  }

  /** Shows that an automatic restart failed: the member is given up on, with the reason and log. */
  async restartFailed(error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error)
    const detailTail =
      isEngineError(error) && error.is('START_TIMEOUT') ? error.detail?.logTail : undefined
    const logTail = detailTail ?? (await this.log.readTail(LOG_TAIL_LINES))
    this.process.markRestartFailed(message, logTail)
  }

  /** The member as the window shows it. */
  view(): MemberView {
    const p = this.process
    const { name, clientPort, peerPort, proxyPort } = this.spec
    return {
      name,
      clientPort,
      peerPort,
      ...(proxyPort === undefined ? {} : { proxyPort }),
      state: p.state,
      pid: p.pid,
      clientUrl: clientUrlOf(this.runtime.def, this.spec),
      peerUrl: peerUrlOf(this.runtime.def, this.spec),
      dataDir: this.deps.layout.memberDataDir(this.def.name, memberFolder(this.spec)),
      lastExit: p.lastExit,
      restarts: this.restarts,
      isLearner: this.spec.isLearner ?? false,
      faults: this.runtime.faults.of(this.spec.name),
      etcdVersion: memberVersionOf(this.runtime.def, this.spec),
    }
  }

  private record(command: string): void {
    const pid = this.process.pid
    this.runEntry =
      pid === null
        ? null
        : { member: this.spec.name, pid, command, startedAt: new Date().toISOString() }
  }

  private onCrash(): void {
    if (!this.runtime.acceptsRestarts()) return
    const uptime = Date.now() - this.process.startedAt
    const decision = decideRestart(this.deps.autoRestart, uptime, this.quickCrashes)
    if (decision.action === 'none') return
    this.quickCrashes = decision.quickCrashes
    if (decision.action === 'give-up') {
      this.runtime.log.warn(
        { member: this.spec.name, quickCrashes: decision.quickCrashes },
        'member keeps crashing; automatic restarts given up',
      )
      this.process.markErrored()
      return
    }
    // Why a pause: restarting at once would spin on a member that crashes at start-up.
    this.runtime.scheduleRestart(this, this.deps.autoRestart.backoffMs)
  }
}
