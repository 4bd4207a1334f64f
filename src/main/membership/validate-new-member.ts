import type { MemberSpec } from '../../shared/cluster'
import { MAX_PORT, MIN_PORT } from '../../shared/cluster-rules'
import { EngineError } from '../errors/engine-error'
import type { TakenCluster } from '../engine/cluster-reservations'

/**
 * Checks a new member's ports before anything is sent to etcd: in range, distinct, and used by no
 * member of any cluster (its own included). A port another cluster holds is PORT_IN_USE naming it.
 */
export function assertNewMemberPorts(
  cluster: string,
  member: MemberSpec,
  taken: readonly TakenCluster[],
): void {
  const ports: Array<['client' | 'peer', number]> = [
    ['client', member.clientPort],
    ['peer', member.peerPort],
    ...(member.proxyPort === undefined ? [] : [['peer', member.proxyPort] as ['peer', number]]),
  ]
  for (const [kind, port] of ports) {
    if (!Number.isInteger(port) || port < MIN_PORT || port > MAX_PORT) {
      throw new EngineError(
        'INVALID_REQUEST',
        `Member ${member.name}: ${kind} port ${port} is outside ${MIN_PORT}–${MAX_PORT}.`,
        { field: `${kind}Port`, value: port },
      )
    }
  }
  if (new Set(ports.map(([, p]) => p)).size !== ports.length) {
    throw new EngineError('INVALID_REQUEST', `Member ${member.name} uses one port twice.`, {
      field: 'ports',
    })
  }
  for (const [kind, port] of ports) {
    const holder = taken.find((c) =>
      c.members.some((m) => [m.clientPort, m.peerPort, m.proxyPort].includes(port)),
    )
    if (!holder) continue
    const where = holder.name === cluster ? 'this cluster' : `cluster ${holder.name}`
    throw new EngineError(
      'PORT_IN_USE',
      `Port ${port} (${kind} port of new member ${member.name}) is already used by ${where}.`,
      { port, member: member.name, kind, cluster, usedBy: holder.name },
    )
  }
}
