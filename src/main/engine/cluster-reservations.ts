import type { ClusterSpec, MemberSpec } from '../../shared/cluster'
import {
  validateAgainstClusters,
  validateClusterSpec,
  type SpecIssue,
} from '../../shared/validate-cluster-spec'
import { portsOf } from '../../shared/port-scheme'
import { EngineError } from '../errors/engine-error'
import { english } from '../words/english'

/** A cluster that exists or is being created: what a new one must not clash with. */
export interface TakenCluster {
  name: string
  members: MemberSpec[]
}

/**
 * Names and ports of clusters being created. A create reserves them synchronously, before its
 * first `await` (a download can take minutes), so a second create of the same spec — a double
 * click, a retry, another window — is refused at once instead of starting members that clash.
 */
export class ClusterReservations {
  private readonly held = new Map<string, ClusterSpec>()

  /** The specs reserved now. */
  get specs(): ClusterSpec[] {
    return [...this.held.values()]
  }

  /**
   * Reserves a spec's name and ports, or throws: CLUSTER_EXISTS for a name in use, PORT_IN_USE
   * naming the other cluster for a port in use, INVALID_SPEC for anything else. Returns the
   * function that releases the reservation.
   */
  reserve(spec: ClusterSpec, existing: readonly TakenCluster[]): () => void {
    const taken = [...existing, ...this.held.values()]
    const errors = validateAgainstClusters(spec, taken).filter((i) => i.severity === 'error')
    if (errors.length > 0) throw refusal(spec, errors, taken)
    this.held.set(spec.name, spec)
    return () => {
      if (this.held.get(spec.name) === spec) this.held.delete(spec.name)
    }
  }
}

function refusal(spec: ClusterSpec, errors: SpecIssue[], taken: readonly TakenCluster[]) {
  const message = errors.map((i) => english(i.words)).join(' ')
  const isValidAlone = !validateClusterSpec(spec).some((i) => i.severity === 'error')
  const clash = firstPortClash(spec, taken)
  if (isValidAlone && taken.some((t) => t.name === spec.name)) {
    return new EngineError('CLUSTER_EXISTS', message, { cluster: spec.name, issues: errors })
  }
  if (isValidAlone && clash) {
    return new EngineError('PORT_IN_USE', message, { ...clash, issues: errors })
  }
  return new EngineError('INVALID_SPEC', message, { issues: errors })
}

function firstPortClash(spec: ClusterSpec, taken: readonly TakenCluster[]) {
  for (const member of spec.members) {
    const ports: { kind: 'client' | 'peer' | 'proxy'; port: number }[] = [
      { kind: 'client', port: member.clientPort },
      { kind: 'peer', port: member.peerPort },
    ]
    if (member.proxyPort !== undefined) ports.push({ kind: 'proxy', port: member.proxyPort })
    for (const { kind, port } of ports) {
      const other = taken.find((t) => portsOf(t.members).includes(port))
      if (other) return { port, member: member.name, kind, cluster: spec.name, usedBy: other.name }
    }
  }
  return null
}
