import type { Etcd3 } from 'etcd3'
import type { MemberView } from '../../shared/cluster'
import type { DbSize } from '../../shared/maintenance'
import { EngineError } from '../errors/engine-error'
import { openMemberClient, type MemberClientOptions } from '../etcd/member-client'
import { toEngineError } from '../keys/etcd-error-mapping'
import { toHexId, toLeaderId } from '../status/status-mapping'
import type { MaintenanceTarget } from './maintenance-target'

/** One running member and a client bound to it alone. */
export interface MemberHandle {
  name: string
  clientUrl: string
  client: Etcd3
}

/** One member's status, as maintenance needs it. */
export interface MemberMaintenanceStatus extends DbSize {
  /** Member id in hex. */
  id: string
  /** Member id as etcd's API takes it (a decimal uint64). */
  decimalId: string
  isLearner: boolean
  /** The leader it knows, in hex, or null. */
  leaderId: string | null
  /** The revision of its key-value store now (the status header's). */
  revision: string
  /** Its server version. */
  version: string
  /** The raft log index it has, and the one it applied (decimal strings). */
  raftIndex: string
  raftAppliedIndex: string
}

/** True for a member whose process runs and answers (not paused, starting or stopping). */
function isServing(member: Pick<MemberView, 'state'>): boolean {
  return member.state === 'running'
}

/**
 * Opens one client per running member of a cluster, runs `work` with them, and closes them all.
 * A cluster with no running member is refused with CLUSTER_NOT_RUNNING.
 */
export async function withMemberClients<T>(
  runtime: MaintenanceTarget,
  work: (members: MemberHandle[]) => Promise<T>,
  options: Omit<MemberClientOptions, 'security'> & {
    security?: MemberClientOptions['security']
  } = {},
): Promise<T> {
  const cluster = runtime.def.name
  const running = runtime.view().members.filter(isServing)
  if (running.length === 0) {
    throw new EngineError(
      'CLUSTER_NOT_RUNNING',
      `Cluster ${cluster} is not running; start it first.`,
      { cluster },
    )
  }
  const members = running.map((m) => ({
    name: m.name,
    clientUrl: m.clientUrl,
    client: openMemberClient(m.clientUrl, { security: runtime.security, ...options }),
  }))
  try {
    return await work(members)
  } finally {
    for (const m of members) m.client.close()
  }
}

/** The running member named `member`, or MEMBER_NOT_RUNNING / MEMBER_NOT_FOUND naming it. */
export function memberHandle(
  runtime: MaintenanceTarget,
  members: readonly MemberHandle[],
  member: string,
): MemberHandle {
  const found = members.find((m) => m.name === member)
  if (found) return found
  const cluster = runtime.def.name
  if (runtime.def.members.some((m) => m.name === member)) {
    throw new EngineError('MEMBER_NOT_RUNNING', `Member ${member} of ${cluster} is not running.`, {
      cluster,
      member,
    })
  }
  throw new EngineError('MEMBER_NOT_FOUND', `Cluster ${cluster} has no member named ${member}.`, {
    cluster,
    member,
  })
}

/** Reads a member's status from the member itself; failures name it. */
export async function readMemberStatus(member: MemberHandle): Promise<MemberMaintenanceStatus> {
  const status = await call(member, 'status', () => member.client.maintenance.status())
  return {
    id: toHexId(status.header.member_id),
    decimalId: status.header.member_id,
    isLearner: status.isLearner,
    leaderId: toLeaderId(status.leader),
    revision: status.header.revision,
    version: status.version,
    raftIndex: status.raftIndex,
    raftAppliedIndex: status.raftAppliedIndex,
    dbSize: Number(status.dbSize),
    dbSizeInUse: Number(status.dbSizeInUse),
  }
}

/**
 * A member's status once it has applied every write the cluster committed before the call: a
 * linearizable read through it first (etcd's ReadIndex makes a follower catch up). Without it a
 * follower's status can lag a write the user just made, and a snapshot would name the wrong revision.
 */
export async function readCaughtUpStatus(
  member: MemberHandle,
  log: MaintenanceTarget['log'],
): Promise<MemberMaintenanceStatus> {
  // Why one absent key, keys only: the cheapest linearizable read; its answer is not needed.
  await call(member, 'read barrier', () => member.client.get('\u0000').exists()).catch(
    (error: unknown) => {
      // Why go on: a user without read permission may still snapshot; the status is then the member's own.
      log.warn({ member: member.name, err: error }, 'read barrier before status failed')
    },
  )
  return readMemberStatus(member)
}

/** Runs one etcd call on a member; an error becomes an EngineError naming the member's URL. */
export async function call<T>(
  member: MemberHandle,
  operation: string,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw memberError(member, operation, error)
  }
}

/** An error of an etcd call on a member as an EngineError naming the member and its URL. */
export function memberError(member: MemberHandle, operation: string, error: unknown): EngineError {
  return toEngineError(error, {
    endpoints: [member.clientUrl],
    operation: `${operation} on ${member.name}`,
  })
}

/** The member that leads, as the members themselves report it, or NO_LEADER. */
export function leaderOf(
  cluster: string,
  statuses: ReadonlyMap<string, MemberMaintenanceStatus>,
): string {
  for (const [name, status] of statuses) if (status.leaderId === status.id) return name
  throw new EngineError(
    'NO_LEADER',
    `Cluster ${cluster} has no leader among its running members; start enough members for a quorum and try again.`,
    { cluster },
  )
}

/** Every member's status, by name. */
export async function readStatuses(
  members: readonly MemberHandle[],
): Promise<Map<string, MemberMaintenanceStatus>> {
  const statuses = await Promise.all(
    members.map(async (m) => [m.name, await readMemberStatus(m)] as const),
  )
  return new Map(statuses)
}
