/** Maintenance: snapshots, defragmentation, compaction, alarms and consistency, as the window sees them. */

/** A snapshot saved by etcd Desk (in the data directory's snapshots/ folder). */
export interface SnapshotInfo {
  /** File name without folder; what restore and delete take. */
  id: string
  cluster: string
  member: string
  savedAt: string
  bytes: number
  /** The cluster revision the snapshot holds, when known. */
  revision: string | null
  /** Version of the etcd that made it. */
  etcdVersion: string
  /** Full path, to copy for the user's own tools. */
  file: string
}

/** A member's backend size. */
export interface DbSize {
  dbSize: number
  dbSizeInUse: number
}

/** One member's defragmentation. */
export interface DefragStep {
  member: string
  wasLeader: boolean
  /** The member leadership was moved to before this (the leader's) defragmentation, or null. */
  leaderMovedTo: string | null
  before: DbSize
  after: DbSize
  tookMs: number
}

/** How a defragmentation of every member went. */
export interface DefragReport {
  steps: DefragStep[]
  /** The write probe's counts during it. */
  probe: { ok: number; failed: number } | null
}

/** One active alarm of one member. */
export interface AlarmEntry {
  member: string
  memberId: string
  alarm: 'NOSPACE' | 'CORRUPT'
}

/** One member's hash of the keyspace at a revision. */
export interface MemberHash {
  member: string
  hash: string | null
  compactRevision: string | null
  error: string | null
}

/** Whether every member holds the same keyspace at one revision. */
export interface HashKvReport {
  revision: string
  members: MemberHash[]
  isConsistent: boolean
}

/** Where the NOSPACE drill writes its filler keys (delete this prefix to recover). */
export const FILL_PREFIX = '__etcd_desk_fill/'

/** Size of each filler value: ~100 KB, so a 1 MiB quota trips within a dozen writes. */
export const FILL_VALUE_BYTES = 100 * 1024

/** The tools of a cluster's etcd version, for the etcdctl/etcdutl twins of maintenance actions. */
export interface MaintenanceTools {
  /** The etcd version the cluster runs ("3.5.16"). */
  version: string
  etcdctl: string
  /** etcdctl's TLS flags on a TLS cluster (--cacert, --cert, --key); empty otherwise. */
  etcdctlTls: string[]
  /** etcdutl next to etcd (3.5+), or null when there is none (3.4). */
  etcdutl: string | null
  /** Folder snapshots are saved in. */
  snapshotsDir: string
}

/** What filling a cluster (the NOSPACE drill) did. */
export interface FillReport {
  keysWritten: number
  bytesWritten: number
  /** True once etcd answered "database space exceeded" and raised the NOSPACE alarm. */
  alarmRaised: boolean
  /** The prefix the filler keys were written under (delete it to recover). */
  prefix: string
}
