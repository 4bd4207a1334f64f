import type { ClusterOperationKind } from './cluster'
import type { EngineWords } from './engine-words/engine-words'
import type { SpecIssue } from './validate-cluster-spec'

/**
 * The context each error code carries, typed per code: the engine can only attach what the code
 * promises, and the window reads fields, not an untyped bag. Adding a code means adding it here.
 */

/** One problem with a request's argument, as zod found it. */
interface RequestIssue {
  path: string[]
  message: string
}

/** A process holding a port, where the OS tells. */
interface PortHolder {
  pid: number
  command: string
}

/** What an etcd call failed on. */
export interface EtcdCallDetail {
  endpoints: string[]
  operation: string
  /** The underlying client error's message. */
  cause: string
  /** The key, printed like etcdctl prints it. */
  key?: string
  page?: number
}

/** Where a download failed and how. */
interface DownloadDetail {
  url?: string
  attempts?: number
  /** 'stalled', 'status', 'range', 'truncated', 'too-large', or a network error's text. */
  reason?: string
  status?: number
  version?: string
  file?: string
  /** Every source tried, when all failed. */
  sources?: { code: string; message: string }[]
}

/** A disk or permission failure while writing. */
interface FileSystemDetail {
  path: string
  errno?: string
}

/** Which discovery registry an error concerns (README "Discovery"). */
interface DiscoveryDetail {
  /** The discovery URL (v2) or endpoint (v3) the members were given. */
  url: string
  cluster?: string
  member?: string
  /** What the discovery etcd or the member said. */
  reason?: string
  logTail?: string[]
}

/** The context of every error code. */
export interface ErrorDetails {
  INVALID_REQUEST: {
    channel?: string
    issues?: RequestIssue[]
    /** The field that was refused, and its value as sent. */
    field?: string
    value?: string | number
    url?: string
    version?: string
  }
  INVALID_SPEC: { issues: SpecIssue[] }
  PORT_IN_USE: {
    port: number
    member: string
    /** Which port of the member: 'proxy' is the one its network-fault proxy listens on. */
    kind: 'client' | 'peer' | 'proxy'
    cluster: string
    /** The other cluster of etcd Desk that holds the port, when it is one. */
    usedBy?: string
    owner?: PortHolder | null
    reason?: string
    issues?: SpecIssue[]
  }
  CLUSTER_EXISTS: { cluster: string; issues?: SpecIssue[] }
  CLUSTER_NOT_FOUND: { cluster: string }
  MEMBER_NOT_FOUND: { cluster: string; member: string }
  CLUSTER_RUNNING: { cluster: string }
  CLUSTER_NOT_RUNNING: { cluster: string }
  CLUSTER_BUSY: { cluster: string; operation: ClusterOperationKind; label: string }
  OPERATION_CANCELLED: { cluster: string; operation: ClusterOperationKind; by: string }
  MEMBER_RUNNING: { cluster: string; member: string }
  MEMBER_NOT_RUNNING: { cluster: string; member: string }
  MEMBER_EXISTS: { cluster: string; member: string }
  QUORUM_LOST: { cluster: string; member: string; summary: string }
  CLUSTER_UNHEALTHY: { cluster: string; waitedMs: number; reason: string }
  LEARNER_NOT_IN_SYNC: { cluster: string; member: string; waitedMs: number }
  TOO_MANY_LEARNERS: { cluster: string; learners: string[] }
  NOT_A_LEARNER: { cluster: string; member: string }
  NO_LEADER: { cluster: string }
  NETWORK_FAULTS_OFF: { cluster: string; member?: string }
  SNAPSHOT_NOT_FOUND: { id: string }
  SNAPSHOT_INVALID: { id: string; reason: string }
  RESTORE_TARGET_NOT_EMPTY: { path: string }
  UPGRADE_PATH_UNSAFE: { cluster: string; target: string; from: string[]; hops: string[] | null }
  UPGRADE_AUTH_ENABLED: { cluster: string; target: string }
  DOWNGRADE_UNSUPPORTED: { cluster: string; target: string; snapshotId: string | null }
  ALARMS_ACTIVE: { cluster: string; alarms: string[] }
  MEMBER_UPGRADE_FAILED: {
    cluster: string
    member: string
    version: string
    /** The version it runs again, when the rollback worked. */
    rolledBackTo: string | null
    logTail: string[]
  }
  NO_UPGRADE: { cluster: string }
  TLS_OFF: { cluster: string }
  /** "Enable TLS" on a cluster that already uses TLS. */
  TLS_ALREADY_ON: { cluster: string }
  /** "Enable TLS" refused for this cluster (network faults: proxies route its plain peer URLs). */
  TLS_SWITCH_UNSUPPORTED: { cluster: string; reason: string }
  /** A change refused while "Enable TLS" is half done on the cluster. */
  TLS_SWITCH_PENDING: { cluster: string; phase: string }
  /** A TLS file of a connection cannot be used (missing, unreadable, not a certificate or key). */
  CONNECTION_FILE_INVALID: {
    connection: string
    file: string
    role: 'ca' | 'cert' | 'key'
    reason: string
  }
  /** A write refused before it was sent: the connection is read-only. */
  READ_ONLY: { cluster: string; key?: string }
  /** A connection's name is taken (by another connection or a local cluster). */
  CONNECTION_EXISTS: { connection: string; usedBy: 'connection' | 'cluster' }
  /** No saved connection has this name. */
  CONNECTION_NOT_FOUND: { connection: string }
  /** A connection with a user but no password known this session. */
  CONNECTION_PASSWORD_NEEDED: { connection: string; username: string }
  /** No endpoint of a connection answered; each one's problem in words. */
  CONNECTION_FAILED: {
    connection: string
    /** `problemWords`: the words for the window's language (absent from an older engine). */
    problems: { endpoint: string; words: string; problemWords?: EngineWords; detail: string }[]
  }
  /** A member did not come back during "Enable TLS"; `reverted`: it runs with its earlier flags. */
  TLS_MEMBER_FAILED: {
    cluster: string
    member: string
    phase: string
    reverted: boolean
    logTail: string[]
  }
  /** `member update` would silently make this learner a voter on its etcd (promote it first). */
  LEARNER_UPDATE_UNSAFE: { cluster: string; member: string; version: string }
  /** The registry already holds its size of members: this member is one too many. */
  DISCOVERY_FULL: DiscoveryDetail
  /** The registry's size is missing or differs from the cluster's member count. */
  DISCOVERY_SIZE_MISMATCH: DiscoveryDetail & { size: number | null; expected: number }
  /** The discovery etcd did not answer at the saved URL. */
  DISCOVERY_UNREACHABLE: DiscoveryDetail
  /** No discovery etcd can serve this cluster (no etcd ≤ 3.5 for v2, a line without the flags). */
  DISCOVERY_UNAVAILABLE: DiscoveryDetail
  ETCD_NOT_FOUND: { path?: string; version?: string; output?: string }
  ETCD_VERSION_UNSUPPORTED: { version: string; path?: string }
  ETCD_VERSION_CHANGED: { cluster: string; recordedVersion: string; foundVersion: string }
  START_TIMEOUT: { cluster: string; member: string; logTail: string[] }
  MEMBER_CRASHED: { cluster: string; member: string; logTail: string[]; binary?: string }
  STOP_TIMEOUT: { cluster: string; member: string }
  DATA_DIR_LOCKED: { file: string; owner?: { pid: number; host: string; since: string } }
  DATA_DIR_FOREIGN: { path: string; entries: string[] }
  DATA_DIR_UNWRITABLE: Partial<FileSystemDetail> & { cluster?: string }
  KEY_NOT_FOUND: { key: string; revision: string }
  KEY_CONFLICT: { key: string; expectedModRevision: string; currentModRevision: string }
  /** A lease that does not exist (any more): revoked, or expired. */
  LEASE_NOT_FOUND: { cluster?: string; lease: string }
  /** An import file that is not an etcd Desk export: the line and what is wrong with it. */
  IMPORT_FILE_INVALID: { file: string; line: number; reason: string }
  /** An export, preview or import stopped by its Cancel. */
  TRANSFER_CANCELLED: { cluster: string; transferId: string; done: number }
  VALUE_TOO_LARGE: Partial<EtcdCallDetail> & {
    valueBytes?: number
    keyBytes?: number
    maxRequestBytes?: number
  }
  ETCD_UNREACHABLE: EtcdCallDetail
  ETCD_REQUEST_FAILED: EtcdCallDetail
  ENGINE_CLOSED: Partial<EtcdCallDetail> & { cluster?: string }
  AUTH_FAILED: { cluster?: string; user: string }
  PERMISSION_DENIED: Partial<EtcdCallDetail> & {
    cluster?: string
    /** The user etcd denied; null when the client presented none. */
    user: string | null
    /** The permission the user lacks on `key`. */
    permission?: 'read' | 'write'
  }
  USER_NOT_FOUND: { cluster?: string; user: string }
  USER_EXISTS: { cluster?: string; user: string }
  ROLE_NOT_FOUND: { cluster?: string; role: string }
  ROLE_EXISTS: { cluster?: string; role: string }
  AUTH_NOT_ENABLED: { cluster?: string }
  ROOT_PASSWORD_NEEDED: { cluster?: string }
  WEAK_PASSWORD: { cluster: string; user: string; reason: string; reasonWords: EngineWords }
  RELEASE_NOT_FOUND: DownloadDetail
  PLATFORM_UNSUPPORTED: {
    /** What the platform cannot do ("pause a member"), when it is not about a release. */
    action?: string
    member?: string
    platform?: string
    os?: string
    arch?: string
    version?: string
    file?: string
    expected?: string
  }
  DOWNLOAD_FAILED: DownloadDetail
  DOWNLOAD_CANCELLED: DownloadDetail
  OFFLINE: DownloadDetail
  CHECKSUM_MISMATCH: DownloadDetail & { from: string; expected: string; actual: string }
  CHECKSUM_MISSING: DownloadDetail & { sha256sums?: string }
  ARCHIVE_INVALID: { file: string; reason: string }
  DISK_FULL: FileSystemDetail
  RELEASE_IN_USE: { version: string }
  FORBIDDEN: { file?: string }
  DISCONNECTED: Record<string, never>
  INTERNAL: { file?: string; cluster?: string }
}
