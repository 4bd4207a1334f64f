import type { ClusterDefinition } from '../../shared/cluster'
import { discoveryUrlOf } from '../../shared/discovery'
import { EngineError, isEngineError } from '../errors/engine-error'

/**
 * What etcd logs when discovery fails (ETCD-OPS-FACTS §2.2, measured on 3.4.23; §2.3 for v3),
 * and the code each one means. Every failure also prints "do not reuse discovery token", so that
 * line says nothing by itself.
 */
const FAILURES: readonly {
  pattern: RegExp
  code: 'DISCOVERY_FULL' | 'DISCOVERY_UNREACHABLE' | 'DISCOVERY_SIZE_MISMATCH'
}[] = [
  {
    pattern: /cluster is full|token was already used|found duplicate (id|name)/,
    code: 'DISCOVERY_FULL',
  },
  {
    pattern: /bad discovery endpoint|discovery: .*(connection refused|no such host|timeout)/i,
    code: 'DISCOVERY_UNREACHABLE',
  },
  {
    pattern: /size key (not found|is bad)|Key not found \(\/_etcd\/registry/,
    code: 'DISCOVERY_SIZE_MISMATCH',
  },
]

/**
 * Turns a member's failed start (it exited, or never became healthy) of a discovery cluster into
 * the discovery error its log shows, naming the cluster, the member and the discovery URL; any
 * other error is returned unchanged.
 */
export function explainDiscoveryFailure(error: unknown, def: ClusterDefinition): unknown {
  if (!def.discovery || !isEngineError(error)) return error
  if (!error.is('MEMBER_CRASHED') && !error.is('START_TIMEOUT')) return error
  const { member, logTail } = error.detail ?? { member: undefined, logTail: [] }
  for (const { pattern, code } of FAILURES) {
    const line = logTail.find((l) => pattern.test(l))
    if (!line) continue
    const url = discoveryUrlOf(def.discovery)
    const reason = (pattern.exec(line)?.[0] ?? line).slice(0, 200)
    const base = { url, cluster: def.name, member, reason, logTail }
    switch (code) {
      case 'DISCOVERY_FULL':
        return new EngineError(
          code,
          `Member ${member} of cluster ${def.name} was refused by the discovery registry at ${url}: it already lists ${def.discovery.size} members (etcd: "${reason}").`,
          base,
        )
      case 'DISCOVERY_UNREACHABLE':
        return new EngineError(
          code,
          `Member ${member} of cluster ${def.name} could not reach the discovery service at ${url} (etcd: "${reason}").`,
          base,
        )
      case 'DISCOVERY_SIZE_MISMATCH':
        return new EngineError(
          code,
          `Member ${member} of cluster ${def.name} found no valid size under the token at ${url} (etcd: "${reason}").`,
          { ...base, size: null, expected: def.discovery.size },
        )
    }
  }
  return error
}
