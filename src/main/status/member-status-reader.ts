import type { Agent } from 'node:http'
import { noop } from 'cockatiel'
import { Etcd3 } from 'etcd3'
import type { ListedMember, MemberStatus } from '../../shared/cluster'
import { etcd3Security, memberHttpAgent, type ClientSecurity } from '../etcd/client-security'
import { fetchHealth } from './health-check'
import { fetchVersion } from './version-check'
import {
  describeError,
  toListedMember,
  toMemberStatus,
  unreachableStatus,
  type HealthAnswer,
} from './status-mapping'

/** Deadline for each status, health and member-list call to one member. */
// Why: etcd 3.4 bounds its own /health quorum read (QGET) at 1 s (etcdhttp/metrics.go
// checkHealth); 1.5 s lets us hear etcd's "false" instead of our own timeout, while a hung
// (e.g. SIGSTOPped) member still reads as unreachable within 1.5 poll intervals. A dead member
// on loopback is refused at once and never waits for this.
const MEMBER_CALL_DEADLINE_MS = 1_500

/** Upper bound of grpc-js's reconnect backoff (its default grows to 120 s). */
// Why: a member that was down for a minute must read as reachable within a poll or two of its
// restart, not after a two-minute backoff.
const MAX_RECONNECT_BACKOFF_MS = 1_000

/** Where one member can be reached. */
export interface MemberEndpoint {
  name: string
  clientUrl: string
}

/** Reads one member's own view (status + health) through clients bound to that member only. */
export class MemberStatusReader {
  private readonly client: Etcd3
  private readonly agent: Agent

  constructor(
    readonly endpoint: MemberEndpoint,
    security: ClientSecurity,
  ) {
    this.client = new Etcd3({
      hosts: [endpoint.clientUrl],
      ...etcd3Security(security),
      dialTimeout: MEMBER_CALL_DEADLINE_MS,
      // Why: the default retry x3 and circuit breaker (open 5 s after 3 failures) would hide a
      // restarted member for 5 s and triple the wait on a dead one; each poll is our retry.
      faultHandling: { host: () => noop, global: noop },
      grpcOptions: { 'grpc.max_reconnect_backoff_ms': MAX_RECONNECT_BACKOFF_MS },
    })
    this.agent = memberHttpAgent(endpoint.clientUrl, security)
  }

  /** The member's status; never throws: a member that does not answer is reported unreachable. */
  async read(): Promise<MemberStatus> {
    const deadline = Date.now() + MEMBER_CALL_DEADLINE_MS
    const [status, health] = await Promise.allSettled([
      this.client.maintenance.status({ deadline }),
      fetchHealth(this.endpoint.clientUrl, this.agent, MEMBER_CALL_DEADLINE_MS),
    ])
    if (status.status === 'rejected') {
      return unreachableStatus(this.endpoint.name, describeError(status.reason))
    }
    const answer: HealthAnswer =
      health.status === 'fulfilled'
        ? health.value
        : { healthy: false, reason: `no answer: ${describeError(health.reason)}` }
    try {
      return toMemberStatus(this.endpoint.name, status.value, answer)
    } catch (error) {
      return unreachableStatus(this.endpoint.name, `unreadable status: ${describeError(error)}`)
    }
  }

  /** etcd's member list as this member knows it; throws when the member does not answer. */
  async listMembers(): Promise<ListedMember[]> {
    const deadline = Date.now() + MEMBER_CALL_DEADLINE_MS
    const answer = await this.client.cluster.memberList({}, { deadline })
    return answer.members.map(toListedMember)
  }

  /** The version the cluster runs at, as this member's `/version` says; throws when it does not answer. */
  async clusterVersion(): Promise<string | null> {
    const answer = await fetchVersion(this.endpoint.clientUrl, this.agent, MEMBER_CALL_DEADLINE_MS)
    return answer.cluster
  }

  /** Closes the gRPC channel and the health connection. */
  close(): void {
    this.client.close()
    this.agent.destroy()
  }
}
