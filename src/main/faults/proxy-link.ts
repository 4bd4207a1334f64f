import { connect, type Socket } from 'node:net'
import type { EngineLog } from '../log/engine-log'
import { DelayedPipe } from './delayed-pipe'
import type { LinkPolicy } from './link-policy'
import { SenderSniffer } from './request-head'

/** Why a link closed. */
export type LinkEnd = 'blocked' | 'ended'

/** What one proxied connection needs of its proxy. */
export interface ProxyLinkDeps {
  /** The member behind the proxy, and where it listens. */
  to: string
  host: string
  peerPort: number
  /** The member a member id names (from the cluster's member list), if known. */
  resolveName: (id: string) => string | undefined
  /** The policy of the link from `from` (null: unknown) to this proxy's member, now. */
  policyOf: (from: string | null) => LinkPolicy
  /** Told once the sender is known. */
  onIdentified: () => void
  /** Counts a chunk held back. */
  onDelayed: (bytes: number, delayMs: number) => void
  /** Called once, when the link closed: cut by its policy, or ended (either side, or the proxy). */
  onClosed: (link: ProxyLink, reason: LinkEnd) => void
  log: EngineLog
}

/**
 * One peer connection through a proxy: the client socket (another member dialing) and the
 * upstream socket (this member's real peer port). Bytes pass unchanged, each direction through
 * a DelayedPipe; the sender is learned from the first request head that names it.
 */
export class ProxyLink {
  private readonly upstream: Socket
  private readonly sniffer = new SenderSniffer()
  private readonly toMember: DelayedPipe
  private readonly toClient: DelayedPipe
  private senderId: string | null = null
  private isClosed = false

  constructor(
    private readonly client: Socket,
    private readonly deps: ProxyLinkDeps,
  ) {
    this.upstream = connect({ host: deps.host, port: deps.peerPort, allowHalfOpen: true })
    this.toMember = new DelayedPipe(client, this.upstream, deps.onDelayed)
    this.toClient = new DelayedPipe(this.upstream, client, deps.onDelayed)
    this.apply()
    client.on('data', (chunk: Buffer) => this.fromClient(chunk))
    this.upstream.on('data', (chunk: Buffer) => this.toClient.push(chunk))
    client.on('end', () => this.toMember.end())
    this.upstream.on('end', () => this.toClient.end())
    client.on('error', (error) => this.onError('client', error))
    this.upstream.on('error', (error) => this.onError('member', error))
    client.on('close', () => this.close())
    this.upstream.on('close', () => this.close())
  }

  /** The link as the log names it: "etcd1 → etcd2" (or "? → etcd2" before the sender is known). */
  get label(): string {
    return `${this.from ?? this.senderId ?? '?'} → ${this.deps.to}`
  }

  /** The sending member's name, when known. */
  get from(): string | null {
    return this.senderId === null ? null : (this.deps.resolveName(this.senderId) ?? null)
  }

  /** Applies the link's current policy: cuts a blocked link, sets the delay of an open one. */
  apply(): LinkPolicy {
    const policy = this.deps.policyOf(this.from)
    if (policy.isBlocked) {
      this.close('blocked')
      return policy
    }
    this.toMember.delayMs = policy.delayMs
    this.toClient.delayMs = policy.delayMs
    return policy
  }

  /** Closes both sockets at once (nothing queued is delivered); idempotent. */
  close(reason: LinkEnd = 'ended'): void {
    if (this.isClosed) return
    this.isClosed = true
    this.toMember.dispose()
    this.toClient.dispose()
    this.client.destroy()
    this.upstream.destroy()
    this.deps.onClosed(this, reason)
  }

  private fromClient(chunk: Buffer): void {
    if (!this.sniffer.isDone) {
      const found = this.sniffer.feed(chunk)
      if (found) {
        this.senderId = found.id
        this.deps.onIdentified()
        this.deps.log.debug({ link: this.label, path: found.path }, 'peer link identified')
        // A blocked sender's request never reaches the member.
        if (this.apply().isBlocked) return
      }
    }
    this.toMember.push(chunk)
  }

  private onError(side: 'client' | 'member', error: Error): void {
    // Expected whenever a member stops, restarts or is cut off; the link is closed and redialed.
    this.deps.log.debug({ link: this.label, side, err: error }, 'peer link socket error')
    this.close()
  }
}
