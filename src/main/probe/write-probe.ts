import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { PROBE_RATE_PER_SECOND, type ProbeStats } from '../../shared/probe'
import type { ClientSecurity } from '../etcd/client-security'
import type { EngineLog } from '../log/engine-log'
import { runAttempt, type ProbeEndpoint } from './probe-attempt'
import { ProbeClients } from './probe-clients'
import { ProbeLease } from './probe-lease'
import { ProbeSamples } from './probe-samples'

/** Why 50 ms: one attempt per tick makes PROBE_RATE_PER_SECOND (20) attempts a second. */
const TICK_MS = 1000 / PROBE_RATE_PER_SECOND

/** What a write probe needs. */
export interface WriteProbeOptions {
  cluster: string
  /** The voting members' client endpoints, read again at every tick (members come and go). */
  endpoints: () => ProbeEndpoint[]
  log: EngineLog
  /** TLS material and user of the cluster; a getter when it may change while the probe runs. */
  security: ClientSecurity | (() => ClientSecurity)
}

/** What a probe holds open, for tests that check a stopped probe leaves nothing behind. */
export interface ProbeResources {
  timers: number
  clients: number
  attempts: number
}

/**
 * The write probe of one cluster: every TICK_MS it writes and reads back the probe key of the
 * next voting member in turn (round robin), skipping members whose last attempt is still in
 * flight, so a slow member gets at most one attempt per call deadline and never delays the
 * others. Keeps the last minute of results and totals since the start.
 */
export class WriteProbe {
  private readonly samples = new ProbeSamples()
  private readonly clients: ProbeClients
  private readonly lease: ProbeLease
  /** Attempts in flight, by client URL: at most one per member. */
  private readonly inFlight = new Map<string, Promise<void>>()
  private timer: NodeJS.Timeout | null
  private cursor = 0
  private seq = 0
  private lastError: string | null = null
  private stopped: Promise<void> | null = null
  /** Resolves when the first attempt ended (ok or not) or the probe stopped. */
  private readonly firstOutcome: Promise<void>
  private endWarmUp: () => void = () => {}

  constructor(private readonly options: WriteProbeOptions) {
    const security = options.security
    this.clients = new ProbeClients(typeof security === 'function' ? security : () => security)
    this.lease = new ProbeLease(
      () => this.options.endpoints().map((e) => ({ ...e, client: this.clients.of(e.clientUrl) })),
      options.log,
    )
    this.firstOutcome = new Promise((resolve) => (this.endWarmUp = resolve))
    this.timer = setInterval(() => this.tick(), TICK_MS)
    options.log.info('write probe started')
  }

  /**
   * Waits until the first attempt ended (its connection and lease are then in place) or the
   * probe stopped, at most `maxMs`: an operation measured from then on counts what clients see
   * of the operation, not the probe's own start.
   */
  async warmUp(maxMs: number): Promise<void> {
    const timer = new AbortController()
    try {
      await Promise.race([this.firstOutcome, sleep(maxMs, undefined, { signal: timer.signal })])
    } finally {
      timer.abort() // the bound's timer must not outlive the wait
    }
  }

  /** True until stop() is called. */
  get isRunning(): boolean {
    return this.stopped === null
  }

  /** Successes and failures since the start. */
  totals(): { ok: number; failed: number } {
    return this.samples.totals()
  }

  /** The figures of the last minute, as pushed to the window. */
  stats(): ProbeStats {
    return {
      cluster: this.options.cluster,
      isRunning: this.isRunning,
      at: new Date().toISOString(),
      ...this.samples.summary(performance.now()),
      totals: this.samples.totals(),
      lastError: this.lastError,
    }
  }

  /** Resolves once the attempt in flight through `clientUrl` (if any) has ended. */
  settled(clientUrl: string): Promise<void> {
    return this.inFlight.get(clientUrl) ?? Promise.resolve()
  }

  /** What is still open: the tick and lease timers, clients, attempts in flight. */
  resources(): ProbeResources {
    return {
      timers: (this.timer ? 1 : 0) + (this.lease.hasTimer ? 1 : 0),
      clients: this.clients.size,
      attempts: this.inFlight.size,
    }
  }

  /**
   * Stops writing, revokes the lease (the probe keys vanish; a failed revoke is logged) while the
   * attempts in flight end (each bounded by its call deadlines), then closes the clients. A put
   * that lands after the revoke fails (its lease is gone), so it cannot leave a key behind.
   */
  stop(): Promise<void> {
    this.stopped ??= this.shutDown()
    return this.stopped
  }

  private async shutDown(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    this.endWarmUp()
    await Promise.all([this.lease.close(), ...this.inFlight.values()])
    this.clients.closeAll()
    this.options.log.info({ totals: this.samples.totals() }, 'write probe stopped')
  }

  private tick(): void {
    const endpoints = this.options.endpoints()
    const urls = new Set(endpoints.map((e) => e.clientUrl))
    this.clients.closeOthers(urls, (url) => this.inFlight.has(url))
    const count = endpoints.length
    for (let i = 0; i < count; i++) {
      const index = (this.cursor + i) % count
      const endpoint = endpoints[index]
      if (!endpoint || this.inFlight.has(endpoint.clientUrl)) continue
      this.cursor = (index + 1) % count
      this.launch(endpoint)
      return
    }
  }

  private launch(endpoint: ProbeEndpoint): void {
    const client = this.clients.of(endpoint.clientUrl)
    const attempt = runAttempt(endpoint, client, this.lease, ++this.seq).then((outcome) => {
      this.inFlight.delete(endpoint.clientUrl)
      this.endWarmUp()
      // Once stopping, the lease is being revoked under the attempts still in flight: their reads
      // may find the key gone. What ends after the stop is not measured.
      if (this.stopped) return
      if (outcome.isOk) {
        this.samples.record(performance.now(), true, outcome.latencyMs)
      } else {
        this.samples.record(performance.now(), false, 0)
        this.lastError = outcome.error
      }
    })
    this.inFlight.set(endpoint.clientUrl, attempt)
  }
}
