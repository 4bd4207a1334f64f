import { mkdir, readFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { z } from 'zod'
import { shellCommand } from '../../shared/shell-words'
import { EngineError } from '../errors/engine-error'
import type { EtcdBinary } from '../etcd/etcd-binary'
import { PLAIN_SECURITY } from '../etcd/client-security'
import type { EngineLog } from '../log/engine-log'
import { probePort } from '../ports/port-probe'
import { MemberProcess } from '../process/member-process'
import { commandLineOf, isAlive } from '../process/process-liveness'
import { readJsonFile, writeJsonAtomic } from '../store/json-file'
import {
  discoveryEtcdArgs,
  discoveryPathsOf,
  servesV2,
  type DiscoveryPaths,
} from './discovery-etcd-args'

/**
 * Why 20 s: a one-member etcd elects itself in about a second; a busy machine (or a first start
 * that preallocates its WAL) needs more, but a create must not wait the members' 30 s on top.
 */
const DISCOVERY_START_TIMEOUT_MS = 20_000

/** What `<data>/discovery/discovery.json` remembers: its ports (kept stable) and its process. */
const stateSchema = z.strictObject({
  clientPort: z.number().int(),
  peerPort: z.number().int(),
  version: z.string(),
  pid: z.number().int().nullable(),
  etcd: z.string(),
  args: z.array(z.string()),
})
type DiscoveryState = z.infer<typeof stateSchema>

/** A free loopback port chosen by the OS (the socket is closed again at once). */
function osFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/**
 * The one discovery etcd of a data directory: started on demand, its ports kept across runs (the
 * discovery URLs saved in clusters name them), recorded with its pid and command line so a later
 * engine adopts it (members kept running) or stops it — never left behind unknown.
 */
export class DiscoveryEtcd {
  readonly paths: DiscoveryPaths
  private process: MemberProcess | null = null
  private state: DiscoveryState | null = null
  private starting: Promise<void> | null = null

  constructor(
    dataRoot: string,
    private readonly log: EngineLog,
  ) {
    this.paths = discoveryPathsOf(dataRoot)
  }

  /** Its client URL ("http://127.0.0.1:41234"), once it has ports. */
  get endpoint(): string | null {
    return this.state ? `http://127.0.0.1:${this.state.clientPort}` : null
  }

  /** The version it runs (or last ran), or null before its first start. */
  get version(): string | null {
    return this.state?.version ?? null
  }

  /** Its exact command line, copyable into a shell, as last started (or adopted), or null. */
  get command(): string | null {
    return this.state ? shellCommand(this.state.etcd, this.state.args) : null
  }

  /** True while its process runs. */
  get isRunning(): boolean {
    const state = this.process?.state
    return state === 'running' || state === 'starting'
  }

  /** Reads the state file and adopts the process it names when it still runs with that command. */
  async load(): Promise<void> {
    const raw = await readJsonFile(this.paths.stateFile).catch((error: unknown) => {
      this.log.warn({ err: error }, 'discovery state unreadable; starting afresh')
      return null
    })
    const parsed = stateSchema.safeParse(raw)
    if (!parsed.success) return
    this.state = parsed.data
    const { pid, etcd, args } = parsed.data
    if (pid === null || !isAlive(pid)) return
    // The pid alone could be any process by now: only the exact command line proves it is ours.
    if ((await commandLineOf(pid)) !== [etcd, ...args].join(' ')) return
    this.process = this.newProcess()
    this.process.adopt(pid)
    this.log.info({ pid }, 'discovery etcd adopted')
  }

  /**
   * Runs the discovery etcd (started once even when asked twice at the same time), on one of the
   * `binaries` that fits: one ≤ 3.5 when `needsV2`. Refuses an etcd ≥ 3.6 already running for v2.
   */
  ensure(binaries: readonly EtcdBinary[], needsV2: boolean, avoidPorts: ReadonlySet<number>) {
    if (this.isRunning) {
      if (needsV2 && this.state && !servesV2(this.state.version)) {
        throw new EngineError(
          'DISCOVERY_UNAVAILABLE',
          `The discovery etcd runs ${this.state.version}, which has no v2 API for 3.4/3.5 members.`,
          { url: this.endpoint ?? '', reason: `discovery etcd ${this.state.version}` },
        )
      }
      return Promise.resolve()
    }
    this.starting ??= this.start(binaries, needsV2, avoidPorts).finally(
      () => (this.starting = null),
    )
    return this.starting
  }

  /** Stops it (SIGTERM, then SIGKILL) and records that nothing runs. */
  async stop(): Promise<void> {
    // A failed start was reported to whoever started it; here it only must have ended.
    await this.starting?.catch(() => undefined)
    const process = this.process
    this.process = null
    if (!process) return
    await process.stop('discoveryNotNeeded')
    this.log.info('discovery etcd stopped')
    await this.save(null)
  }

  /** Leaves it running for the next engine, which adopts it (pid and command line recorded). */
  release(): void {
    this.process?.release()
    this.process = null
  }

  private async start(
    binaries: readonly EtcdBinary[],
    needsV2: boolean,
    avoid: ReadonlySet<number>,
  ) {
    const binary = binaries.find((b) => servesV2(b.version)) ?? (needsV2 ? null : binaries[0])
    if (!binary) {
      throw new EngineError(
        'DISCOVERY_UNAVAILABLE',
        'v2 discovery (etcd 3.4/3.5 members) needs an etcd 3.4 or 3.5 to serve the v2 API; none is installed.',
        { url: this.endpoint ?? '', reason: 'no etcd ≤ 3.5' },
      )
    }
    const [clientPort, peerPort] = await this.choosePorts(avoid)
    await mkdir(this.paths.dataDir, { recursive: true, mode: 0o700 })
    const args = discoveryEtcdArgs(binary.version, this.paths.dataDir, clientPort, peerPort)
    this.state = {
      clientPort,
      peerPort,
      version: binary.version,
      pid: null,
      etcd: binary.etcd,
      args,
    }
    const process = this.newProcess()
    process.spawn(binary.etcd, args)
    this.process = process
    await this.save(process.pid)
    try {
      await process.waitReady(Date.now() + DISCOVERY_START_TIMEOUT_MS, true)
    } catch (error) {
      this.process = null
      await process.stop('discoveryNotStarted')
      throw new EngineError(
        'DISCOVERY_UNAVAILABLE',
        `The discovery etcd did not start: ${(error as Error).message}`,
        { url: this.endpoint ?? '', reason: (error as Error).message },
      )
    }
    this.log.info(
      { pid: process.pid, clientPort, version: binary.version },
      'discovery etcd started',
    )
  }

  /** Its saved ports when both are still free, else two the OS gives (none a cluster holds). */
  private async choosePorts(avoid: ReadonlySet<number>): Promise<[number, number]> {
    const saved = this.state
    if (saved && !avoid.has(saved.clientPort) && !avoid.has(saved.peerPort)) {
      const probes = await Promise.all(
        [saved.clientPort, saved.peerPort].map((p) => probePort('127.0.0.1', p)),
      )
      if (probes.every((p) => p.free)) return [saved.clientPort, saved.peerPort]
    }
    const ports: number[] = []
    while (ports.length < 2) {
      const port = await osFreePort()
      if (!avoid.has(port) && !ports.includes(port)) ports.push(port)
    }
    return [ports[0]!, ports[1]!]
  }

  private newProcess(): MemberProcess {
    const process = new MemberProcess({
      cluster: 'discovery',
      member: 'discovery',
      clientUrl: () => this.endpoint ?? '',
      logFile: this.paths.logFile,
      readLogTail: (n) => this.readLogTail(n),
      security: () => PLAIN_SECURITY,
    })
    process.on('exit', (info, expected) => {
      if (!expected) this.log.warn({ reason: info.reason }, 'discovery etcd exited')
      if (this.process === process) this.process = null
    })
    return process
  }

  private async readLogTail(n: number): Promise<string[]> {
    // No log file yet: etcd exited before writing a line; the tail is empty, not an error.
    const text = await readFile(this.paths.logFile, 'utf8').catch(() => '')
    return text.split('\n').filter(Boolean).slice(-n)
  }

  /** Records its pid (null: nothing runs) with the command line adoption compares with. */
  private async save(pid: number | null): Promise<void> {
    if (!this.state) return
    this.state = { ...this.state, pid }
    await mkdir(this.paths.dir, { recursive: true, mode: 0o700 })
    await writeJsonAtomic(this.paths.stateFile, this.state)
  }
}
