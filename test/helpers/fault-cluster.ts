import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { Engine } from '../../src/main/engine/engine'
import type { ClusterSpec, MemberStatus } from '../../src/shared/cluster'
import { freePorts } from './free-port'
import { waitFor } from './engine-fixture'

const execFileAsync = promisify(execFile)

/** A spec with network faults on free ports: member i is etcd{i+1} with client, peer, proxy. */
export async function faultSpec(name: string, count: number): Promise<ClusterSpec> {
  const ports = await freePorts(count * 3)
  return {
    name,
    etcdVersion: 'system',
    host: '127.0.0.1',
    networkFaults: true,
    members: Array.from({ length: count }, (_, i) => ({
      name: `etcd${i + 1}`,
      clientPort: ports[3 * i]!,
      peerPort: ports[3 * i + 1]!,
      proxyPort: ports[3 * i + 2]!,
    })),
  }
}

/** Runs etcdctl (API v3) against the given client URLs only. */
export async function etcdctlAt(
  binary: string,
  endpoints: string[],
  args: string[],
): Promise<string> {
  const { stdout } = await execFileAsync(binary, [`--endpoints=${endpoints.join(',')}`, ...args], {
    env: { ...process.env, ETCDCTL_API: '3' },
    timeout: 20_000,
  })
  return stdout
}

/** The engine's latest status of one member (from the status poller); null before the first. */
export function memberStatus(engine: Engine, cluster: string, member: string): MemberStatus | null {
  return engine.getStatus(cluster)?.members.find((m) => m.member === member) ?? null
}

/** Waits until the engine's poller sees a member knowing no leader and reporting unhealthy. */
export function waitLeaderless(engine: Engine, cluster: string, member: string) {
  return waitFor(
    () => memberStatus(engine, cluster, member),
    (s) => s !== null && s.unreachable === null && s.leaderId === null && !s.healthy,
  )
}
