import type { IMember, IStatusResponse } from 'etcd3'
import type { ListedMember, MemberStatus } from '../../shared/cluster'

/** What a member's `/health` endpoint said. */
export interface HealthAnswer {
  healthy: boolean
  /** etcd's reason when it gave one (3.5+), or a description of an unexpected answer. */
  reason: string | null
}

/** Converts a uint64 id (the etcd3 client gives decimal strings) to hex, as etcdctl prints it. */
export function toHexId(decimal: string): string {
  if (!/^\d+$/.test(decimal)) throw new Error(`not a decimal uint64 id: ${JSON.stringify(decimal)}`)
  return BigInt(decimal).toString(16)
}

/** The leader id a member reports, in hex; null when it knows no leader (raft.None = 0). */
export function toLeaderId(decimal: string): string | null {
  return decimal === '0' ? null : toHexId(decimal)
}

/** A member's status from its own Maintenance.Status answer and its /health answer. */
export function toMemberStatus(
  member: string,
  status: IStatusResponse,
  health: HealthAnswer,
): MemberStatus {
  const id = toHexId(status.header.member_id)
  const leaderId = toLeaderId(status.leader)
  const errors = [...status.errors]
  if (!health.healthy && health.reason) errors.push(`health check: ${health.reason}`)
  return {
    member,
    healthy: health.healthy,
    id,
    isLeader: leaderId === id,
    leaderId,
    raftTerm: status.raftTerm,
    raftIndex: status.raftIndex,
    raftAppliedIndex: status.raftAppliedIndex,
    dbSize: Number(status.dbSize),
    dbSizeInUse: Number(status.dbSizeInUse),
    version: status.version,
    isLearner: status.isLearner,
    errors,
    unreachable: null,
  }
}

/** The status of a member whose endpoint did not answer. */
export function unreachableStatus(member: string, reason: string): MemberStatus {
  return {
    member,
    healthy: false,
    id: null,
    isLeader: false,
    leaderId: null,
    raftTerm: null,
    raftIndex: null,
    raftAppliedIndex: null,
    dbSize: null,
    dbSizeInUse: null,
    version: null,
    isLearner: false,
    errors: [],
    unreachable: reason,
  }
}

/** A member of etcd's own member list, with its id in hex. */
export function toListedMember(member: IMember): ListedMember {
  return {
    id: toHexId(member.ID),
    name: member.name,
    peerUrls: [...member.peerURLs],
    clientUrls: [...member.clientURLs],
    isLearner: member.isLearner,
  }
}

/** A short, human reason for a failed call: grpc-js and Node errors carry long prefixes. */
export function describeError(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error)
  const lastError = /Last error: (?:Error: )?(.*?)(?:\.\s*Resolution note:.*)?$/s.exec(raw)
  const message = lastError?.[1] ?? raw.replace(/^\d+ [A-Z_]+: /, '')
  return message.trim() || 'unknown error'
}
