import type { ListedMember, MemberDefinition, MemberFaults, MemberSpec } from '../../shared/cluster'
import { peerUrlOf } from '../cluster/etcd-flags'
import { words } from '../../shared/engine-words/engine-words'
import { EngineError } from '../errors/engine-error'
import type { EngineLog } from '../log/engine-log'
import { linkPolicy, NO_FAULTS } from './link-policy'
import { MemberNames } from './member-names'
import { PeerProxy, type ProxiedMember, type ProxyStats } from './peer-proxy'

/** What a cluster's proxies need of it. */
export interface PeerProxiesDeps {
  cluster: string
  host: string
  /** Peer URLs are https on a TLS cluster (the proxies pass TLS through untouched). */
  tls?: boolean
  /** The cluster's --initial-cluster-token: with the peer URLs, it makes the initial member ids. */
  token: string
  log: EngineLog
}

/**
 * The peer proxies of one cluster with network faults, one per member, and the faults set on
 * each member. Every peer connection *to* a member passes its proxy, and each proxy knows who
 * dials, so isolating X cuts X's links at all proxies, both ways (a single inbound proxy would be
 * only a partial partition, ETCD-OPS-FACTS §7.2).
 */
export class PeerProxies {
  private readonly proxies = new Map<string, PeerProxy>()
  private readonly faults = new Map<string, MemberFaults>()
  private readonly names: MemberNames

  constructor(
    members: readonly MemberDefinition[],
    private readonly deps: PeerProxiesDeps,
  ) {
    const initial = members.filter((m) => m.joined === undefined)
    this.names = new MemberNames(
      initial.map((m) => ({ name: m.name, peerUrl: peerUrlOf(deps, m) })),
      deps.token,
    )
    for (const member of members) this.create(member)
  }

  /**
   * Takes etcd's member list (each status poll): ids of members added later become names, and
   * links whose sender was not known yet get their faults.
   */
  updateNames(members: readonly ListedMember[]): void {
    if (this.names.update(members)) this.applyAll()
  }

  /** Listens on every proxy port; one that cannot is logged and tried again by `ensureListening`. */
  async listenAll(): Promise<void> {
    await Promise.all(
      [...this.proxies.values()].map(async (proxy) => {
        try {
          await proxy.listen()
        } catch (error) {
          this.deps.log.warn(
            { member: proxy.member.name, err: error },
            'peer proxy cannot listen; its member cannot start until it can',
          )
        }
      }),
    )
  }

  /** Before members start: every proxy listens, or PORT_IN_USE naming the member and port. */
  async ensureListening(): Promise<void> {
    for (const proxy of this.proxies.values()) await proxy.listen()
  }

  /**
   * Adds the proxy of a member added to the cluster and starts it listening (before the member
   * starts; etcd's member add takes its proxy URL, peerUrlOf). `memberId` (hex, from etcd's answer)
   * names its links at once; without it they are named from the next member list.
   */
  async add(member: MemberSpec, memberId?: string): Promise<void> {
    if (memberId !== undefined) this.names.learn(memberId, member.name)
    await this.create(member).listen()
  }

  /** Closes a member's proxy and forgets its faults (a member removed from the cluster). */
  async remove(name: string): Promise<void> {
    const proxy = this.proxies.get(name)
    this.proxies.delete(name)
    this.faults.delete(name)
    this.applyAll()
    await proxy?.close()
  }

  /** The faults set on a member (none unless set). */
  faultsOf(name: string): MemberFaults {
    return this.faults.get(name) ?? NO_FAULTS
  }

  /** Cuts every link to or from a member, at every proxy, and refuses new ones. */
  isolate(name: string): void {
    this.set(name, { isolated: true })
  }

  /** Allows a member's links again. */
  heal(name: string): void {
    this.set(name, { isolated: false })
  }

  /** Delays every chunk on links to or from a member by `ms` (0: none). */
  setLatency(name: string, ms: number): void {
    this.set(name, { latencyMs: ms })
  }

  /** What a member's proxy did so far. */
  stats(name: string): ProxyStats {
    const proxy = this.proxies.get(name)
    if (!proxy) throw new Error(`no peer proxy for member ${name}`)
    return proxy.stats()
  }

  /** Closes every proxy and its connections (bounded). */
  async close(): Promise<void> {
    await Promise.all([...this.proxies.values()].map((p) => p.close()))
  }

  private create(member: MemberSpec): PeerProxy {
    const proxied = proxiedMember(this.deps.cluster, member)
    const proxy = new PeerProxy(proxied, {
      cluster: this.deps.cluster,
      host: this.deps.host,
      resolveName: (id) => this.names.resolve(id),
      policyOf: (from, to) => linkPolicy((m) => this.faultsOf(m), from, to),
      log: this.deps.log,
    })
    this.proxies.set(member.name, proxy)
    return proxy
  }

  private set(name: string, change: Partial<MemberFaults>): void {
    this.faults.set(name, { ...this.faultsOf(name), ...change })
    this.applyAll()
  }

  private applyAll(): void {
    for (const proxy of this.proxies.values()) proxy.apply()
  }
}

function proxiedMember(cluster: string, member: MemberSpec): ProxiedMember {
  if (member.proxyPort === undefined) {
    // Validation requires a proxy port on every member of a cluster with network faults.
    throw new EngineError('INVALID_SPEC', `Member ${member.name} has no proxy port.`, {
      issues: [
        {
          severity: 'error',
          path: 'proxyPort',
          member: member.name,
          words: words('engine-steps-cluster:issue.proxyPortMissing', {
            member: member.name,
            cluster,
          }),
        },
      ],
    })
  }
  return { name: member.name, peerPort: member.peerPort, proxyPort: member.proxyPort }
}
