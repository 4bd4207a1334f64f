import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { vi } from 'vitest'
import type { ClusterStatus } from '../../../src/shared/cluster'
import { PLAIN_SECURITY } from '../../../src/main/etcd/client-security'
import {
  type ClusterStatusPoller,
  type StatusReader,
} from '../../../src/main/status/cluster-status-poller'
import {
  MemberStatusReader,
  type MemberEndpoint,
} from '../../../src/main/status/member-status-reader'
import type { PlainCluster } from '../../helpers/plain-cluster'

/** Why: a SIGKILLed leader is replaced in ≈2.0–2.3 s (ETCD-FACTS); allow for a slow, busy box. */
export const ELECTION_DEADLINE_MS = 15_000

/** Wraps real readers to record overlapping reads and closed clients. */
export class ReaderProbe {
  maxInFlight = 0
  created = 0
  closed = 0
  private inFlight = new Map<string, number>()

  create = (endpoint: MemberEndpoint): StatusReader => {
    const real = new MemberStatusReader(endpoint, PLAIN_SECURITY)
    this.created++
    return {
      endpoint,
      read: async () => {
        const n = (this.inFlight.get(endpoint.name) ?? 0) + 1
        this.inFlight.set(endpoint.name, n)
        this.maxInFlight = Math.max(this.maxInFlight, n)
        try {
          return await real.read()
        } finally {
          this.inFlight.set(endpoint.name, n - 1)
        }
      },
      listMembers: () => real.listMembers(),
      clusterVersion: () => real.clusterVersion(),
      close: () => {
        this.closed++
        real.close()
      },
    }
  }
}

/** The endpoints of a plain cluster, as the poller takes them. */
export function endpointsOf(cluster: PlainCluster): MemberEndpoint[] {
  return cluster.members.map((m) => ({ name: m.name, clientUrl: m.clientUrl }))
}

/**
 * Polls the poller's latest status (vi.waitFor) until `check` passes and returns it; on timeout
 * throws showing that status and any member that exited unexpectedly.
 */
export function waitForStatus(
  poller: ClusterStatusPoller,
  cluster: PlainCluster,
  check: (s: ClusterStatus) => boolean,
  timeoutMs = ELECTION_DEADLINE_MS,
): Promise<ClusterStatus> {
  return vi.waitFor(
    () => {
      const latest = poller.latest
      if (latest && check(latest)) return latest
      const exits = cluster.unexpectedExits().join('; ') || 'none'
      throw new Error(
        `no matching status in ${timeoutMs} ms (unexpected exits: ${exits}): ${JSON.stringify(latest)}`,
      )
    },
    { timeout: timeoutMs, interval: 50 },
  )
}

/** Every member healthy and a leader known. */
export const allHealthy = (s: ClusterStatus) => s.healthyCount === 3 && s.leaderName !== null

/** etcdctl's member list, with uint64 ids read as strings (JSON numbers would lose digits). */
export async function etcdctlMemberIds(cluster: PlainCluster): Promise<Map<string, string>> {
  const { stdout } = await promisify(execFile)(cluster.etcd.etcdctl, [
    `--endpoints=${cluster.endpoints.join(',')}`,
    'member',
    'list',
    '-w',
    'json',
  ])
  const quoted = stdout.replace(/"(ID|cluster_id|member_id)":(\d+)/g, '"$1":"$2"')
  const parsed = JSON.parse(quoted) as { members: { ID: string; name: string }[] }
  return new Map(parsed.members.map((m) => [m.name, BigInt(m.ID).toString(16)]))
}
