import type { ClusterDefinition, MemberSpec } from '../../shared/cluster'
import { EngineError } from '../errors/engine-error'
import { findPortOwner } from './port-owner'
import { probePort } from './port-probe'

/** Checks that every port of the given members is free; throws PORT_IN_USE naming the first busy one. */
export async function assertPortsFree(
  def: Pick<ClusterDefinition, 'name' | 'host'>,
  members: readonly MemberSpec[],
): Promise<void> {
  for (const member of members) {
    for (const kind of ['client', 'peer'] as const) {
      const port = kind === 'client' ? member.clientPort : member.peerPort
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
