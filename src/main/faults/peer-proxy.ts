import { createServer, type Server, type Socket } from 'node:net'
import { settlesWithin } from '../async/settles-within'
import { EngineError } from '../errors/engine-error'
import type { EngineLog } from '../log/engine-log'
import { findPortOwner } from '../ports/port-owner'
import type { LinkPolicy } from './link-policy'
import { ProxyLink, type LinkEnd } from './proxy-link'

/**
 * Why 2 s: closing destroys every connection at once, so the server closes in a few ms; the bound
 * only keeps a quit from hanging on a socket the OS is slow to release.
 */
const CLOSE_BOUND_MS = 2_000

/** The member a proxy stands in front of. */
export interface ProxiedMember {
  name: string
  peerPort: number
  proxyPort: number
}

/** What a proxy needs of its cluster. */
export interface PeerProxyDeps {
  cluster: string
  host: string
  resolveName: (id: string) => string | undefined
  /** The policy of the link from `from` (null: unknown) to `to`, now. */
  policyOf: (from: string | null, to: string) => LinkPolicy
  log: EngineLog
}

/** What a proxy did so far: tests and the engine log read it. */
export interface ProxyStats {
  /** Connections accepted and forwarded. */
  accepted: number
  /** Connections whose sender a request head named (the others stay unknown, e.g. /version). */
  identified: number
  /** Connections refused at once (this member is isolated). */
  refused: number
  /** Connections cut by an isolation (at their first request, or when it was set). */
  blocked: number
  /** Connections open now. */
  open: number
  /** Chunks (and their bytes) held back by a latency, and the longest hold. */
  delayedChunks: number
  delayedBytes: number
  maxDelayMs: number
}

/**
 * The TCP proxy in front of one member's peer port: listens on its proxy port (which the member
 * advertises), forwards every connection to the real peer port, and applies the cluster's faults
 * to each link. Pure TCP: bytes are never changed, only delayed or cut (ETCD-OPS-FACTS §7.2).
 */
export class PeerProxy {
  private readonly server: Server
  private readonly links = new Set<ProxyLink>()
  private readonly counts: ProxyStats = {
    accepted: 0,
    identified: 0,
    refused: 0,
    blocked: 0,
    open: 0,
    delayedChunks: 0,
    delayedBytes: 0,
    maxDelayMs: 0,
  }
  private isListening = false

  constructor(
    readonly member: ProxiedMember,
    private readonly deps: PeerProxyDeps,
  ) {
    this.server = createServer({ allowHalfOpen: true }, (socket) => this.accept(socket))
    // Errors while listening; a failed listen() rejects with its own error instead.
    this.server.on('error', (error) => {
      if (this.isListening) deps.log.warn({ member: member.name, err: error }, 'peer proxy error')
    })
  }

  /** True once it listens. */
  get listening(): boolean {
    return this.isListening
  }

  /** Starts listening on the proxy port; PORT_IN_USE naming the member when it is taken. */
  async listen(): Promise<void> {
    if (this.isListening) return
    const { name, proxyPort } = this.member
    try {
      await new Promise<void>((resolve, reject) => {
        this.server.once('error', reject)
        this.server.listen(proxyPort, this.deps.host, () => {
          this.server.off('error', reject)
          resolve()
        })
      })
    } catch (error) {
      throw await this.portError(error)
    }
    this.isListening = true
    this.deps.log.info(
      { member: name, proxyPort, peerPort: this.member.peerPort },
      'peer proxy listening',
    )
  }

  /** Applies the current faults to every open link (cuts blocked ones, sets delays). */
  apply(): void {
    for (const link of [...this.links]) link.apply()
  }

  /** What it did so far. */
  stats(): ProxyStats {
    return { ...this.counts, open: this.links.size }
  }

  /** Stops listening and closes every connection; bounded, leaves nothing open. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => {
      if (!this.server.listening) return resolve()
      this.server.close(() => resolve())
    })
    for (const link of [...this.links]) link.close()
    this.isListening = false
    if (!(await settlesWithin(closed, CLOSE_BOUND_MS))) {
      this.deps.log.warn({ member: this.member.name }, 'peer proxy did not close in time')
    }
  }

  private accept(socket: Socket): void {
    const to = this.member.name
    if (this.deps.policyOf(null, to).isBlocked) {
      this.counts.refused++
      socket.destroy()
      return
    }
    this.counts.accepted++
    const link = new ProxyLink(socket, {
      to,
      host: this.deps.host,
      peerPort: this.member.peerPort,
      resolveName: this.deps.resolveName,
      policyOf: (from) => this.deps.policyOf(from, to),
      onIdentified: () => this.counts.identified++,
      onDelayed: (bytes, delayMs) => {
        this.counts.delayedChunks++
        this.counts.delayedBytes += bytes
        this.counts.maxDelayMs = Math.max(this.counts.maxDelayMs, delayMs)
      },
      onClosed: (closed, reason) => this.onClosed(closed, reason),
      log: this.deps.log,
    })
    this.links.add(link)
  }

  private onClosed(link: ProxyLink, reason: LinkEnd): void {
    this.links.delete(link)
    if (reason !== 'blocked') return
    this.counts.blocked++
    this.deps.log.debug({ link: link.label }, 'peer link cut (isolated)')
  }

  private async portError(error: unknown): Promise<Error> {
    const { name, proxyPort } = this.member
    const code = (error as NodeJS.ErrnoException).code
    const reason = error instanceof Error ? error.message : String(error)
    const owner = code === 'EADDRINUSE' ? await findPortOwner(proxyPort) : null
    const by = owner ? ` by ${owner.command.split(' ')[0] || 'a process'} (pid ${owner.pid})` : ''
    return new EngineError(
      'PORT_IN_USE',
      `Port ${proxyPort} (proxy port of member ${name} in cluster ${this.deps.cluster}, for network faults) is in use${by}: ${reason}. Stop that process or delete and re-create the cluster on other ports.`,
      { port: proxyPort, member: name, kind: 'proxy', cluster: this.deps.cluster, owner, reason },
    )
  }
}
