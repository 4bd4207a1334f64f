import type { MemberFaults } from '../../shared/cluster'
import { words, type EngineWords } from '../../shared/engine-words/engine-words'
import { EngineError } from '../errors/engine-error'
import type { EngineLog } from '../log/engine-log'
import type { PeerProxies } from '../faults/peer-proxies'
import type { OperationContext, OperationRequest } from './cluster-operations'

/** What the fault actions need of their cluster runtime. */
export interface MemberFaultActionsDeps {
  cluster: string
  /** The cluster's peer proxies; null for a cluster created without network faults. */
  proxies: PeerProxies | null
  /** Throws MEMBER_NOT_FOUND for a name the cluster does not have. */
  assertMember: (name: string) => void
  run: (request: OperationRequest, work: (ctx: OperationContext) => Promise<void>) => Promise<void>
  notifyChanged: () => void
  log: EngineLog
}

/**
 * Network faults set on purpose on one member (isolate, heal, latency), each an operation of its
 * cluster. Only for clusters created with network faults, whose peer links pass the proxies.
 */
export class MemberFaultActions {
  constructor(private readonly deps: MemberFaultActionsDeps) {}

  /** The faults set on a member; null when the cluster has no network faults. */
  of(name: string): MemberFaults | null {
    return this.deps.proxies?.faultsOf(name) ?? null
  }

  /** Cuts the member off from every other member (its peer traffic both ways is dropped). */
  isolate(name: string): Promise<void> {
    return this.act(
      name,
      words('engine-steps-cluster:label.memberIsolate', { member: name }),
      (proxies) => {
        proxies.isolate(name)
        this.deps.log.info({ member: name }, 'member isolated (its peer links cut at every proxy)')
      },
    )
  }

  /** Lets the member's peer traffic through again. */
  heal(name: string): Promise<void> {
    return this.act(
      name,
      words('engine-steps-cluster:label.memberHeal', { member: name }),
      (proxies) => {
        proxies.heal(name)
        this.deps.log.info({ member: name }, 'member healed (its peer links allowed again)')
      },
    )
  }

  /** Delays the member's peer traffic both ways by `ms` (0 removes the latency). */
  setLatency(name: string, ms: number): Promise<void> {
    const label =
      ms === 0
        ? words('engine-steps-cluster:label.memberLatencyRemove', { member: name })
        : words('engine-steps-cluster:label.memberLatencyAdd', { member: name, ms })
    return this.act(name, label, (proxies) => {
      proxies.setLatency(name, ms)
      this.deps.log.info({ member: name, latencyMs: ms }, 'member latency set')
    })
  }

  private async act(
    name: string,
    label: EngineWords,
    change: (proxies: PeerProxies) => void,
  ): Promise<void> {
    const { cluster, proxies } = this.deps
    this.deps.assertMember(name)
    if (!proxies) {
      throw new EngineError(
        'NETWORK_FAULTS_OFF',
        `Cluster ${cluster} was created without network faults, so member ${name} cannot be isolated or slowed. Create a cluster with "Network faults" on.`,
        { cluster, member: name },
      )
    }
    await this.deps.run({ kind: 'member-fault', label, policy: 'refuse', member: name }, () => {
      change(proxies)
      this.deps.notifyChanged()
      return Promise.resolve()
    })
  }
}
