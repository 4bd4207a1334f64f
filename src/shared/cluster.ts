/** One member as the user defines it: a name and its two ports. */
export interface MemberSpec {
  name: string
  clientPort: number
  peerPort: number
}

/** What the user asks for when creating a cluster. */
export interface ClusterSpec {
  name: string
  members: MemberSpec[]
  /** Version of etcd to run ("3.4.23"), or "system" for the etcd found on PATH/configured. */
  etcdVersion: string
  /** Interface every member listens on. 127.0.0.1 unless the user chose otherwise. */
  host: string
}

/** A stored cluster: the spec plus what the engine decided once, at creation. */
export interface ClusterDefinition extends ClusterSpec {
  /** Unique per cluster: members with different tokens never join each other. */
  token: string
  createdAt: string
  /** Version actually resolved for the binary at creation ("3.4.23"). */
  resolvedVersion: string
}

/** Lifecycle of one supervised etcd member. */
export type MemberState = 'stopped' | 'starting' | 'running' | 'stopping' | 'crashed' | 'errored'

/** How a member process last ended, when it was not a stop the user asked for. */
export interface ExitInfo {
  code: number | null
  signal: string | null
  at: string
  /** The last log lines before the exit. */
  logTail: string[]
  reason: string
}

/** One member as the window shows it. */
export interface MemberView extends MemberSpec {
  state: MemberState
  pid: number | null
  clientUrl: string
  peerUrl: string
  dataDir: string
  lastExit: ExitInfo | null
  restarts: number
}

/** Aggregate state of a cluster, derived from its members. */
export type ClusterState = 'stopped' | 'starting' | 'running' | 'degraded' | 'stopping' | 'crashed'

/** The operations the engine runs on a cluster, one at a time (see the README's "Operations"). */
export type ClusterOperationKind =
  | 'create'
  | 'start'
  | 'stop'
  | 'delete'
  | 'member-start'
  | 'member-stop'
  | 'member-restart'
  | 'member-kill'
  | 'auto-restart'

/** The operation running on a cluster right now, for the window to show. */
export interface ClusterOperation {
  kind: ClusterOperationKind
  /** What it does, in words: "Starting member etcd2". */
  label: string
  /** ISO time it started. */
  startedAt: string
  /** The step it is on ("waiting for etcd2 to become healthy"), or null before the first. */
  step: string | null
}

/** One cluster as the window shows it. */
export interface ClusterView {
  definition: ClusterDefinition
  state: ClusterState
  members: MemberView[]
  dir: string
  /** The operation in progress, or null. */
  operation: ClusterOperation | null
  /** Something the user must know about this cluster that is not a member's state, or null. */
  warning: string | null
  /**
   * Grows with every change the engine makes to any cluster: the window keeps the view with the
   * highest revision, so a late request answer never overwrites a newer push.
   */
  revision: number
}

/** One member's view of the cluster, from its own endpoint. */
export interface MemberStatus {
  member: string
  healthy: boolean
  /** Member id in hex, as etcdctl prints it. */
  id: string | null
  isLeader: boolean
  leaderId: string | null
  raftTerm: string | null
  raftIndex: string | null
  raftAppliedIndex: string | null
  dbSize: number | null
  dbSizeInUse: number | null
  version: string | null
  isLearner: boolean
  errors: string[]
  /** Why the status could not be read, when it could not. */
  unreachable: string | null
}

/** A member as the cluster's own member list reports it. */
export interface ListedMember {
  id: string
  name: string
  peerUrls: string[]
  clientUrls: string[]
  isLearner: boolean
}

/** A change of leader seen by the status poller. */
export interface LeaderChange {
  at: string
  from: string | null
  to: string | null
  term: string | null
}

/** The cluster at a glance. */
export interface ClusterStatus {
  cluster: string
  at: string
  members: MemberStatus[]
  memberList: ListedMember[]
  healthyCount: number
  memberCount: number
  leaderName: string | null
  leaderChanges: LeaderChange[]
}
