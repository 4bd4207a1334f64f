import type { ClusterStatus, LeaderChange, ListedMember, MemberStatus } from '../../shared/cluster'

/** The cluster's current leader as the poller derives it from the members' own answers. */
export interface LeaderInfo {
  id: string
  name: string
  term: string | null
}

/** Orders raft terms, which are uint64 decimal strings; null sorts first. */
function compareTerms(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return -1
  if (b === null) return 1
  const diff = BigInt(a) - BigInt(b)
  return diff === 0n ? 0 : diff > 0n ? 1 : -1
}

/** Our member that has this id: by the id it reported, else by its name in etcd's member list. */
function findMemberById(
  id: string,
  members: MemberStatus[],
  memberList: ListedMember[],
): MemberStatus | undefined {
  const own = members.find((m) => m.id === id)
  if (own) return own
  const listed = memberList.find((m) => m.id === id)
  return listed ? members.find((m) => m.member === listed.name) : undefined
}

/** The name to show for a member id: ours, else etcd's, else the hex id itself. */
export function resolveMemberName(
  id: string,
  members: MemberStatus[],
  memberList: ListedMember[],
): string {
  const own = findMemberById(id, members, memberList)
  return own?.member ?? (memberList.find((m) => m.id === id)?.name || id)
}

/** The leader named by the reachable members with the newest term; null if none or it is down. */
// Why null for a leader that does not answer: after a crash the followers keep naming it until
// their election timeout; showing it as leader then would be wrong.
export function findLeader(members: MemberStatus[], memberList: ListedMember[]): LeaderInfo | null {
  const answering = members.filter(
    (m): m is MemberStatus & { leaderId: string } => m.unreachable === null && m.leaderId !== null,
  )
  if (answering.length === 0) return null
  const newest = answering.reduce((a, b) => (compareTerms(b.raftTerm, a.raftTerm) > 0 ? b : a))
  const atNewest = answering.filter((m) => compareTerms(m.raftTerm, newest.raftTerm) === 0)
  const source = atNewest.find((m) => m.isLeader) ?? newest
  const id = source.leaderId
  if (findMemberById(id, members, memberList)?.unreachable) return null
  return { id, name: resolveMemberName(id, members, memberList), term: source.raftTerm }
}

/** Everything the poller knows after one round, as one snapshot. */
export interface SummaryInput {
  cluster: string
  at: string
  members: MemberStatus[]
  memberList: ListedMember[]
  leader: LeaderInfo | null
  leaderChanges: LeaderChange[]
  clusterVersion: string | null
}

/** Builds the cluster-at-a-glance from the members' statuses and the member list. */
export function summarizeCluster(input: SummaryInput): ClusterStatus {
  return {
    cluster: input.cluster,
    at: input.at,
    members: input.members,
    memberList: input.memberList,
    healthyCount: input.members.filter((m) => m.healthy).length,
    memberCount: input.members.length,
    leaderName: input.leader?.name ?? null,
    leaderChanges: input.leaderChanges,
    clusterVersion: input.clusterVersion,
  }
}
