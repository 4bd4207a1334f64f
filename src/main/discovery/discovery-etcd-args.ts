import { join } from 'node:path'
import { lineOf } from '../../shared/etcd-lines'

/** Where the discovery etcd keeps its data and log (below `<data>/discovery/`). */
export interface DiscoveryPaths {
  dir: string
  dataDir: string
  logFile: string
  stateFile: string
}

/** The discovery etcd's files under a data directory's `discovery/` folder. */
export function discoveryPathsOf(dataRoot: string): DiscoveryPaths {
  const dir = join(dataRoot, 'discovery')
  return {
    dir,
    dataDir: join(dir, 'data'),
    logFile: join(dir, 'logs', 'etcd.log'),
    stateFile: join(dir, 'discovery.json'),
  }
}

/** True when an etcd version can serve the v2 API discovery of 3.4/3.5 members (≤ 3.5). */
export function servesV2(version: string): boolean {
  const line = lineOf(version)
  return line === '3.4' || line === '3.5'
}

/**
 * The discovery etcd's arguments: a one-member cluster on loopback. With an etcd ≤ 3.5 the v2 API
 * is turned on (off by default since 3.4; 3.6 removed it): v2 discovery needs it, and the same
 * etcd serves v3 discovery too. zap JSON to stderr like the members (its log file).
 */
export function discoveryEtcdArgs(
  version: string,
  dataDir: string,
  clientPort: number,
  peerPort: number,
): string[] {
  const client = `http://127.0.0.1:${clientPort}`
  const peer = `http://127.0.0.1:${peerPort}`
  return [
    '--name=discovery',
    `--data-dir=${dataDir}`,
    `--listen-client-urls=${client}`,
    `--advertise-client-urls=${client}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=discovery=${peer}`,
    '--initial-cluster-state=new',
    '--initial-cluster-token=etcd-desk-discovery',
    ...(servesV2(version) ? ['--enable-v2=true'] : []),
    '--logger=zap',
    '--log-outputs=stderr',
  ]
}
