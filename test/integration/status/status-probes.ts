import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { ClusterStatus } from '../../../src/shared/cluster'
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
    const real = new MemberStatusReader(endpoint)
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

/** Resolves with the first status (the latest, then each new one) that passes `check`. */
export function waitForStatus(
  poller: ClusterStatusPoller,
  cluster: PlainCluster,
  check: (s: ClusterStatus) => boolean,
  timeoutMs = ELECTION_DEADLINE_MS,
): Promise<ClusterStatus> {
  return new Promise((resolve, reject) => {
    if (poller.latest && check(poller.latest)) return resolve(poller.latest)
    const timer = setTimeout(() => {
      off()
      const exits = cluster.unexpectedExits().join('; ') || 'none'
      const latest = JSON.stringify(poller.latest)
      reject(
        new Error(`no matching status in ${timeoutMs} ms (unexpected exits: ${exits}): ${latest}`),
      )
    }, timeoutMs)
    const off = poller.on('status', (s) => {
      if (!check(s)) return
      clearTimeout(timer)
      off()
      resolve(s)
    })
  })
}

/** Every member healthy and a leader known. */
export const allHealthy = (s: ClusterStatus) => s.healthyCount === 3 && s.leaderName !== null

/** etcdctl's member list, with uint64 ids read as strings (JSON numbers would lose digits). */
export async function etcdctlMemberIds(endpoints: string[]): Promise<Map<string, string>> {
  const { stdout } = await promisify(execFile)(process.env.ETCDCTL_BIN ?? 'etcdctl', [
    `--endpoints=${endpoints.join(',')}`,
    'member',
    'list',
    '-w',
    'json',
  ])
  const quoted = stdout.replace(/"(ID|cluster_id|member_id)":(\d+)/g, '"$1":"$2"')
  const parsed = JSON.parse(quoted) as { members: { ID: string; name: string }[] }
  return new Map(parsed.members.map((m) => [m.name, BigInt(m.ID).toString(16)]))
}
