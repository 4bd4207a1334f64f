import { EventEmitter } from 'node:events'
import { closeSync, mkdirSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { execa } from 'execa'
import type { ExitInfo, MemberState } from '../../shared/cluster'
import { EngineError } from '../errors/engine-error'
import { english } from '../words/english'
import { exitWords, restartFailedWords, type StopReason } from './exit-words'
import { childEnv } from './child-env'
import type { ClientSecurity } from '../etcd/client-security'
import { checkHealth } from './health-check'
import { isAlive, waitForExit } from './process-liveness'

/** Why: etcd answers /health within milliseconds once ready; 20 polls/s add ≤ 50 ms to a start. */
const READY_POLL_MS = 50
/** Why: one /health call must not outlive a poll much; a member without quorum hangs the request. */
const HEALTH_CALL_TIMEOUT_MS = 1_000
/** Why: a follower exits in ~0.1 s; a leader whose transfer target is gone waits ~7 s (ETCD-FACTS). */
const STOP_GRACE_MS = 10_000
/** How many log lines a crash or timeout report carries. */
export const LOG_TAIL_LINES = 30

/** What a member process needs to run. */
export interface MemberProcessOptions {
  cluster: string
  member: string
  /** Where its health is checked: a getter, since "Enable TLS" moves clients from http to https. */
  clientUrl: () => string
  /** etcd's stdout and stderr go to this file (appended), so a member outlives an engine crash. */
  logFile: string
  /** Reads the member's last log lines for crash and timeout reports. */
  readLogTail: (lines: number) => Promise<string[]>
  /** TLS material of the cluster, for /health on a TLS member (read when it is needed). */
  security: () => ClientSecurity
}

/** How a process ended. */
interface Exit {
  code: number | null
  signal: string | null
}

/** Events of a member process. */
export interface MemberProcessEvents {
  state: [state: MemberState]
  exit: [info: ExitInfo, expected: boolean]
}

/** One supervised etcd member: stopped → starting → running → stopping → stopped, or crashed. */
export class MemberProcess extends EventEmitter<MemberProcessEvents> {
  state: MemberState = 'stopped'
  pid: number | null = null
  lastExit: ExitInfo | null = null
  startedAt = 0
  private exited: Promise<Exit> | null = null
  private stopReason: StopReason | null = null
  private stopWatch = new AbortController()

  constructor(readonly options: MemberProcessOptions) {
    super()
  }

  /** Spawns etcd detached, its output appended to the log file; resolves once it has a pid. */
  spawn(binary: string, args: readonly string[]): void {
    if (this.state === 'starting' || this.state === 'running' || this.state === 'stopping') {
      throw new EngineError(
        'MEMBER_RUNNING',
        `Member ${this.options.member} of cluster ${this.options.cluster} is already ${this.state}.`,
        { cluster: this.options.cluster, member: this.options.member },
      )
    }
    mkdirSync(dirname(this.options.logFile), { recursive: true })
    const fd = openSync(this.options.logFile, 'a')
    try {
      const child = execa(binary, args, {
        // Native fds: etcd writes straight into the file, no pipe through the engine. (execa's types
        // reject a non-literal number here although its runtime passes numbers to spawn as-is.)
        stdio: ['ignore', fd as 1, fd as 2],
        // Own process group: a Ctrl-C in the engine's terminal must not hit etcd directly; the
        // engine stops members in a safe order itself. Also lets a member outlive an engine crash.
        detached: true,
        cleanup: false,
        reject: false,
        env: childEnv(),
        extendEnv: false,
      })
      if (child.pid === undefined) {
        throw new EngineError(
          'MEMBER_CRASHED',
          `Could not start ${binary} for member ${this.options.member}.`,
          { cluster: this.options.cluster, member: this.options.member, logTail: [], binary },
        )
      }
      // The engine must not stay alive just because a member runs.
      child.unref()
      const exited = child.then((r): Exit => ({
        code: r.exitCode ?? null,
        signal: r.signal ?? null,
      }))
      this.begin(child.pid, exited)
      this.setState('starting')
    } finally {
      closeSync(fd)
    }
  }

  /** Takes over a member left running by an earlier engine (its pid and command line checked). */
  adopt(pid: number): void {
    this.begin(
      pid,
      waitForExit(pid, this.stopWatch.signal).then(() => ({ code: null, signal: null })),
    )
    this.setState('running')
  }

  /**
   * Waits until the member serves /health: healthy, or merely answering when `requireHealthy` is
   * false. Rejects with the signal's reason when it is cancelled (the caller stops the member).
   */
  async waitReady(deadline: number, requireHealthy: boolean, signal?: AbortSignal): Promise<void> {
    const { member, cluster } = this.options
    while (Date.now() < deadline) {
      signal?.throwIfAborted()
      if (this.state !== 'starting') {
        const logTail = await this.options.readLogTail(LOG_TAIL_LINES)
        const reason = this.lastExit?.reason ?? this.state
        throw new EngineError(
          'MEMBER_CRASHED',
          `Member ${member} of cluster ${cluster} exited while starting: ${reason}.`,
          { member, cluster, logTail },
        )
      }
      const health = await checkHealth(
        this.options.clientUrl(),
        HEALTH_CALL_TIMEOUT_MS,
        this.options.security(),
        signal,
      )
      if (health.healthy || (health.reachable && !requireHealthy)) {
        if (this.state === 'starting') this.setState('running')
        return
      }
      await sleep(READY_POLL_MS)
    }
    const logTail = await this.options.readLogTail(LOG_TAIL_LINES)
    await this.stop('startTimedOut')
    throw new EngineError(
      'START_TIMEOUT',
      `Member ${member} of cluster ${cluster} did not become ${requireHealthy ? 'healthy' : 'reachable'} in time.`,
      { member, cluster, logTail },
    )
  }

  /** Graceful stop: SIGTERM, then SIGKILL after the grace period. */
  async stop(reason: StopReason = 'stopped', graceMs = STOP_GRACE_MS): Promise<void> {
    const exited = this.exited
    if (!exited || this.pid === null) return
    this.stopReason = reason
    // A paused process would never act on SIGTERM: it goes on first, then stops.
    if (this.state === 'paused') this.signal('SIGCONT')
    this.setState('stopping')
    // Platform branch: Windows has no SIGTERM; Node's kill() there terminates the process outright.
    this.signal('SIGTERM')
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), graceMs)))
    try {
      if ((await Promise.race([exited, timeout])) === 'timeout') this.signal('SIGKILL')
      await whileAlive(exited)
    } finally {
      clearTimeout(timer)
    }
  }

  /** SIGKILL on purpose (to watch an election); reported as a stop the user asked for. */
  async kill(): Promise<void> {
    const exited = this.exited
    if (!exited) return
    this.stopReason = 'killed'
    this.signal('SIGKILL')
    await whileAlive(exited)
  }

  /**
   * Pauses the member on purpose (SIGSTOP): it keeps its ports and memory but does nothing, as a
   * hung machine would. Platform branch: Windows has no SIGSTOP, so it is refused there.
   */
  pause(): void {
    this.assertSignals('pause')
    if (this.state !== 'running' || this.pid === null) return
    this.signal('SIGSTOP')
    this.setState('paused')
  }

  /** Lets a paused member go on (SIGCONT). */
  resume(): void {
    this.assertSignals('resume')
    if (this.state !== 'paused' || this.pid === null) return
    this.signal('SIGCONT')
    this.setState('running')
  }

  /** Says the process is about to exit on its own for `reason` (a member removed from etcd). */
  expectExit(reason: StopReason): void {
    this.stopReason = reason
  }

  /** Takes back expectExit() when what was expected did not happen. */
  clearExpectedExit(): void {
    if (this.state === 'running' || this.state === 'starting') this.stopReason = null
  }

  /** Marks a crashed member as given up on by the auto-restart policy. */
  markErrored(): void {
    if (this.state === 'crashed') this.setState('errored')
  }

  /** Marks a member whose automatic restart failed as given up on, saying why (`message`). */
  markRestartFailed(message: string, logTail: string[]): void {
    if (['starting', 'running', 'paused', 'stopping'].includes(this.state)) return
    const reasonWords = restartFailedWords(message)
    this.lastExit = {
      code: null,
      signal: null,
      at: new Date().toISOString(),
      logTail,
      reason: english(reasonWords),
      reasonWords,
    }
    this.setState('errored')
  }

  /**
   * Stops watching the process without stopping it (engine shutdown that keeps members); a paused
   * member goes on first, as nobody would be left to resume it.
   */
  release(): void {
    if (this.state === 'paused') this.signal('SIGCONT')
    this.stopWatch.abort()
  }

  private assertSignals(action: 'pause' | 'resume'): void {
    if (process.platform !== 'win32') return
    const { member, cluster } = this.options
    throw new EngineError(
      'PLATFORM_UNSUPPORTED',
      `Windows cannot ${action} a process (it has no SIGSTOP/SIGCONT), so member ${member} of cluster ${cluster} cannot be ${action}d here. Use Kill to watch an election instead.`,
      { action: `${action} a member`, member, platform: process.platform },
    )
  }

  private begin(pid: number, exited: Promise<Exit>): void {
    this.pid = pid
    this.startedAt = Date.now()
    this.stopReason = null
    this.stopWatch = new AbortController()
    this.exited = exited.then((exit) => {
      this.onExit(exit)
      return exit
    })
  }

  private signal(name: NodeJS.Signals): void {
    if (this.pid !== null && isAlive(this.pid)) {
      try {
        process.kill(this.pid, name)
      } catch {
        // exited in between
      }
    }
  }

  private onExit(exit: Exit): void {
    if (this.stopWatch.signal.aborted) return
    const expected = this.stopReason !== null
    const reasonWords = exitWords(this.stopReason, exit)
    const info: ExitInfo = {
      code: exit.code,
      signal: exit.signal,
      at: new Date().toISOString(),
      logTail: [],
      reason: english(reasonWords),
      reasonWords,
    }
    this.pid = null
    this.exited = null
    this.lastExit = info
    this.setState(expected ? 'stopped' : 'crashed')
    void this.options.readLogTail(LOG_TAIL_LINES).then((tail) => {
      info.logTail = tail
      this.emit('exit', info, expected)
    })
  }

  private setState(state: MemberState): void {
    if (this.state === state) return
    this.state = state
    this.emit('state', state)
  }
}

/**
 * Awaits `promise` with the event loop kept alive. Why: a member's process handle is unref'd (the
 * engine must not stay up just because a member runs), so a script that only waits for a member
 * to exit would otherwise see Node end with "unsettled top-level await".
 */
async function whileAlive<T>(promise: Promise<T>): Promise<T> {
  const keep = setInterval(() => undefined, 60_000)
  try {
    return await promise
  } finally {
    clearInterval(keep)
  }
}
