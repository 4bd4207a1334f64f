import type { EngineWords } from './engine-words/engine-words'
import type { BootstrapMode, DiscoverySetting } from './discovery'
import type { TlsSwitch } from './tls-switch'
import type { PendingUpgrade } from './upgrade'

/** One member as the user defines it: a name and its two ports. */
export interface MemberSpec {
  name: string
  clientPort: number
  peerPort: number
  /**
   * With network faults on: the port other members reach this member's peer port through (a
   * proxy inside the engine that can drop or delay its traffic). Advertised instead of peerPort.
   */
  proxyPort?: number
  /**
   * The exact etcd version this member runs, when it differs from the cluster's (a mixed-version
   * cluster, made on purpose at create or half way through an upgrade). Absent: the cluster's.
   */
  etcdVersion?: string
}

/** A member as stored with its cluster: the spec plus what the engine decided for it. */
export interface MemberDefinition extends MemberSpec {
  /**
   * Its folder under members/ (default: its name). A name added again after a remove gets a new
   * folder ("etcd4-2"), so it never starts on the data of the member that was removed.
   */
  folder?: string
  /**
   * Set for members added to a running cluster: they join with --initial-cluster-state existing
   * and the --initial-cluster etcd answered to member add (all members then, plus itself).
   */
  joined?: { initialCluster: string }
  /** True while the member is a learner (non-voting); the member list is the truth, this a cache. */
  isLearner?: boolean
  /**
   * Set on a 3.4 member that joins a 3.5 cluster being downgraded: it starts with
   * --next-cluster-version-compatible (3.4.31+), else it refuses the 3.5 cluster version.
   */
  nextClusterVersionCompatible?: boolean
  /**
   * During "Enable TLS" on an etcd whose one port cannot serve http and https together (3.4 <
   * 3.4.25, 3.5 < 3.5.8): the separate port plain http moves to while https takes the client port.
   * Removed when the switch ends.
   */
  plainClientPort?: number
}

/** Options of a new cluster beyond its members (the create dialog's advanced part). */
export interface ClusterOptions {
  /** Route every peer link through proxies in the engine, so members can be isolated or slowed. */
  networkFaults?: boolean
  /** etcd's --quota-backend-bytes (default 2 GiB); small values let the NOSPACE alarm trip. */
  quotaBackendBytes?: number
  /** Start from a snapshot saved by etcd Desk (its id): every member is restored from it. */
  fromSnapshot?: string
  /**
   * "Secure with TLS": a CA of its own, https client and peer URLs with client certificates on
   * both (mutual TLS); the engine makes every certificate at create.
   */
  tls?: boolean
  /**
   * How members find each other at their first start: 'static' (--initial-cluster, the default)
   * or 'discovery' (a registry in a local discovery etcd the engine runs; README "Discovery").
   */
  bootstrap?: BootstrapMode
}

/** What the user asks for when creating a cluster. */
export interface ClusterSpec extends ClusterOptions {
  name: string
  members: MemberSpec[]
  /** Version of etcd to run ("3.4.23"), or "system" for the etcd found on PATH/configured. */
  etcdVersion: string
  /** Interface every member listens on. 127.0.0.1 unless the user chose otherwise. */
  host: string
}

/**
 * A membership change in progress, saved step by step in the cluster definition: an engine that
 * stops half way (a crash) finds it at its next start and finishes it or rolls it back.
 */
export type PendingMemberChange =
  | {
      kind: 'add'
      member: MemberDefinition
      asLearner: boolean
      /** 'requested': member add sent (maybe not applied); 'added': etcd lists it; 'started'. */
      step: 'requested' | 'added' | 'started'
      /** Hex id etcd gave it, once known. */
      memberId: string | null
    }
  | {
      kind: 'remove'
      member: string
      memberId: string
      keepData: boolean
      /** 'requested': member remove sent (maybe not applied); 'removed': etcd no longer lists it. */
      step: 'requested' | 'removed'
    }

/** A stored cluster: the spec plus what the engine decided once, at creation. */
export interface ClusterDefinition extends ClusterSpec {
  members: MemberDefinition[]
  /** Unique per cluster: members with different tokens never join each other. */
  token: string
  createdAt: string
  /** Version actually resolved for the binary at creation ("3.4.23"). */
  resolvedVersion: string
  /** A membership change the engine has not finished yet, or absent. */
  pendingChange?: PendingMemberChange | null
  /** A version change (upgrade, downgrade) the engine has not finished, or absent. */
  pendingUpgrade?: PendingUpgrade | null
  /** The discovery registry of a cluster created with bootstrap 'discovery'. */
  discovery?: DiscoverySetting
  /** "Enable TLS" in progress on this cluster (see TlsSwitch), or absent. */
  tlsSwitch?: TlsSwitch | null
}

/** Lifecycle of one supervised etcd member ('paused': stopped with SIGSTOP on purpose). */
export type MemberState =
  'stopped' | 'starting' | 'running' | 'paused' | 'stopping' | 'crashed' | 'errored'

/** How a member process last ended, when it was not a stop the user asked for. */
export interface ExitInfo {
  code: number | null
  signal: string | null
  at: string
  /** The last log lines before the exit. */
  logTail: string[]
  /** Why, in English: "start timed out (signal SIGTERM)", "exited unexpectedly with exit code 1". */
  reason: string
  /** The same reason for the window to show in its language. */
  reasonWords: EngineWords
}

/** The faults set on purpose on one member of a cluster with network faults. */
export interface MemberFaults {
  /** Cut off from every other member (its peer traffic both ways is dropped). */
  isolated: boolean
  /** Added to its peer traffic both ways, in milliseconds (0: none). */
  latencyMs: number
}

/** One member as the window shows it. */
export interface MemberView extends MemberSpec {
  state: MemberState
  pid: number | null
  clientUrl: string
  /** The peer URL the other members use (the proxy's, with network faults on). */
  peerUrl: string
  dataDir: string
  lastExit: ExitInfo | null
  restarts: number
  /** A non-voting member (added as learner, not yet promoted). */
  isLearner: boolean
  /** Network faults set on it; null when the cluster was created without network faults. */
  faults: MemberFaults | null
  /** The etcd version etcd Desk runs this member with (its own, or the cluster's). */
  etcdVersion: string
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
  | 'member-pause'
  | 'member-resume'
  | 'member-add'
  | 'member-promote'
  | 'member-remove'
  | 'member-make-leader'
  | 'member-fault'
  | 'auto-restart'
  | 'resume-change'
  | 'snapshot-save'
  | 'defragment'
  | 'compact'
  | 'disarm'
  | 'fill'
  | 'upgrade'
  | 'auth-enable'
  | 'auth-disable'
  | 'enable-tls'
  | 'rotate-certificates'

/** The operation running on a cluster right now, for the window to show. */
export interface ClusterOperation {
  kind: ClusterOperationKind
  /** What it does, in English: "Starting member etcd2". */
  label: string
  /** The same for the window to show in its language. */
  labelWords: EngineWords
  /** ISO time it started. */
  startedAt: string
  /** The step it is on ("waiting for etcd2 to become healthy"), or null before the first. */
  step: string | null
  /** The same step for the window to show in its language. */
  stepWords: EngineWords | null
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
  /** The same warning for the window to show in its language. */
  warningWords: EngineWords | null
  /** How the last long operation (add, remove, defragment …) went, or null. */
  lastOperation: OperationReport | null
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
  /**
   * The version the cluster runs at (`/version`'s etcdcluster, "3.4.0"): the lowest member's line
   * once they agree; null until a member answered.
   */
  clusterVersion: string | null
}

/** How a long operation went: its steps, and what the write probe saw meanwhile. */
export interface OperationReport {
  kind: ClusterOperationKind
  label: string
  /** The label for the window to show in its language. */
  labelWords: EngineWords
  startedAt: string
  endedAt: string
  /** True when it did all it set out to do. */
  isSuccess: boolean
  /** What happened, in order: "member add accepted after 4.8 s (etcd: unhealthy cluster)". */
  steps: string[]
  /** The same steps for the window to show in its language (one per step). */
  stepWords: EngineWords[]
  /** The write probe's counts during it, when it ran. */
  probe: { ok: number; failed: number } | null
  /** Why it failed, when it did. */
  error: string | null
  /** The same operation as etcdctl / etcdutl (or shell) commands, in order, ready to copy. */
  commands?: string[]
}
