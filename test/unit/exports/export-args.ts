/**
 * Helpers of the cluster export tests: the arguments the app itself starts each member with
 * (planLaunch, as the engine runs it), with its paths moved to an export's, and parsers that read
 * the generated files the way their runners do.
 */
import { execFileSync } from 'node:child_process'
import { planLaunch } from '../../../src/main/cluster/launch-plan'
import type { EtcdBinary } from '../../../src/main/etcd/etcd-binary'
import { DataLayout } from '../../../src/main/store/data-layout'
import { tlsFilesOf } from '../../../src/main/tls/tls-files'
import type { ClusterDefinition } from '../../../src/shared/cluster'

/** A cluster definition as the engine stores it: tutorial ports, one version for all. */
export function clusterDef(version: string, tls: boolean, count = 3): ClusterDefinition {
  return {
    name: 'demo',
    host: '127.0.0.1',
    etcdVersion: version,
    resolvedVersion: version,
    token: 'demo-token-1234',
    createdAt: '2026-12-01T00:00:00.000Z',
    ...(tls ? { tls: true } : {}),
    members: Array.from({ length: count }, (_, i) => ({
      name: `etcd${i + 1}`,
      clientPort: 2379 + 10_000 * i,
      peerPort: 2380 + 10_000 * i,
    })),
  }
}

/**
 * The app's arguments of every member (planLaunch with the real data layout), with the member's
 * data dir replaced by `dataDir(member)` and the cluster's tls/ folder by `tlsRoot`.
 */
export async function appArgs(
  def: ClusterDefinition,
  dataDir: (member: string) => string,
  tlsRoot: string,
): Promise<Map<string, string[]>> {
  const layout = new DataLayout('/data-root')
  const binary = (version: string): Promise<EtcdBinary> =>
    Promise.resolve({ etcd: 'etcd', etcdctl: 'etcdctl', etcdutl: null, version, source: 'release' })
  const plan = await planLaunch(def, layout, binary)
  const tlsDir = tlsFilesOf(layout, def.name).dir
  const moved = new Map<string, string[]>()
  for (const [member, args] of plan.args) {
    const own = layout.memberDataDir(def.name, member)
    moved.set(
      member,
      args.map((a) => a.replace(own, dataDir(member)).split(tlsDir).join(tlsRoot)),
    )
  }
  return moved
}

/** The words of a POSIX command line, split by bash itself (as goreman's `sh -c` would). */
export function shellWords(command: string): string[] {
  const out = execFileSync('bash', ['-c', `set -- ${command}; printf '%s\\0' "$@"`], {
    encoding: 'utf8',
  })
  return out.split('\0').slice(0, -1)
}
