import type { DiscoverySetting } from '../../shared/discovery'
import { v2DiscoveryUrlOf } from '../../shared/discovery'
import type { EtcdLine } from '../../shared/etcd-lines'
import { EngineError } from '../errors/engine-error'

/** Which discovery protocols one etcd line speaks as a member (ETCD-OPS-FACTS §2.1). */
interface LineDiscovery {
  /** `--discovery <url>` (v2 protocol): 3.4–3.6; 3.7 removed it (#20109). */
  v2: boolean
  /** `--discovery-endpoints` + `--discovery-token` (v3 protocol): 3.6.0 and later. */
  v3: boolean
}

/** The discovery flags per line, checked against test/fixtures/etcd-flags by the unit tests. */
export const LINE_DISCOVERY: Readonly<Record<EtcdLine, LineDiscovery>> = {
  '3.4': { v2: true, v3: false },
  '3.5': { v2: true, v3: false },
  '3.6': { v2: true, v3: true },
  '3.7': { v2: false, v3: true },
}

/**
 * The flags that replace --initial-cluster, --initial-cluster-state and --initial-cluster-token
 * for a member bootstrapped by discovery (the discovery URL or token is its cluster token).
 * --discovery-fallback=exit on every line: 3.4/3.5 default to "proxy", which turns a member of a
 * full registry into a v2-only proxy that answers /health but no v3 request (ETCD-OPS-FACTS
 * §2.2) — an exit with "cluster is full" is an error the engine can explain.
 */
export function discoveryArgs(discovery: DiscoverySetting, line: EtcdLine): string[] {
  const speaks = LINE_DISCOVERY[line]
  if (discovery.protocol === 'v2' && speaks.v2) {
    return [`--discovery=${v2DiscoveryUrlOf(discovery)}`, '--discovery-fallback=exit']
  }
  if (discovery.protocol === 'v3' && speaks.v3) {
    return [
      `--discovery-endpoints=${discovery.endpoint}`,
      `--discovery-token=${discovery.token}`,
      '--discovery-fallback=exit',
    ]
  }
  throw new EngineError(
    'DISCOVERY_UNAVAILABLE',
    `etcd ${line} cannot bootstrap by ${discovery.protocol} discovery (${line === '3.7' ? '3.7 removed --discovery' : 'v3 discovery needs 3.6 or later'}).`,
    { url: discovery.endpoint, reason: `no ${discovery.protocol} discovery on etcd ${line}` },
  )
}
