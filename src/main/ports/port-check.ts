import type { ClusterDefinition, MemberSpec } from '../../shared/cluster'
import { EngineError } from '../errors/engine-error'
import { findPortOwner } from './port-owner'
import { probePort } from './port-probe'

/** Which port of a member. */
type PortKind = 'client' | 'peer' | 'proxy'

/**
 * Checks that every port of the given members is free; throws PORT_IN_USE naming the first busy
 * one. Proxy ports are checked only with `withProxies` (before a create: a cluster's own proxies
 * hold theirs from then on).
 */
export async function assertPortsFree(
  def: Pick<ClusterDefinition, 'name' | 'host'>,
  members: readonly MemberSpec[],
  withProxies = false,
): Promise<void> {
  for (const member of members) {
    const kinds: PortKind[] = ['client', 'peer']
    if (withProxies && member.proxyPort !== undefined) kinds.push('proxy')
    for (const kind of kinds) {
      const port = portOf(member, kind)
      const probe = await probePort(def.host, port)
      if (probe.free) continue
      const owner = await findPortOwner(port)
      const by = owner ? ` by ${owner.command.split(' ')[0] || 'a process'} (pid ${owner.pid})` : ''
      throw new EngineError(
        'PORT_IN_USE',
        `Port ${port} (${kind} port of member ${member.name} in cluster ${def.name}) is in use${by}. Stop that process or choose another port.`,
        { port, member: member.name, kind, cluster: def.name, owner, reason: probe.reason },
      )
    }
  }
}

function portOf(member: MemberSpec, kind: PortKind): number {
  switch (kind) {
    case 'client':
      return member.clientPort
    case 'peer':
      return member.peerPort
    case 'proxy':
      return member.proxyPort ?? member.peerPort
  }
}
