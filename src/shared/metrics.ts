/**
 * The Metrics tab: what the engine samples from each member's `/metrics` (Prometheus text) and
 * status every METRICS_INTERVAL_MS while a window shows the tab, kept for METRICS_WINDOW_MS.
 */

/** Why 1.5 s: within the 1–2 s, and a little slower than the 1 s status poll it reads. */
export const METRICS_INTERVAL_MS = 1_500

/** The last 15 minutes are kept in the engine's memory (and shown). */
const METRICS_WINDOW_MS = 15 * 60_000

/** Samples kept per cluster: the window at the sampling interval. */
export const MAX_METRICS_SAMPLES = Math.ceil(METRICS_WINDOW_MS / METRICS_INTERVAL_MS)

/** One member at one sample; a null value was not answered (member down) or not exposed. */
export interface MemberMetrics {
  member: string
  /** Raft index and applied index, from the status poll (Maintenance.Status), not /metrics. */
  raftIndex: number | null
  appliedIndex: number | null
  /** etcd_server_proposals_committed_total / _applied_total / _pending / _failed_total. */
  proposalsCommitted: number | null
  proposalsApplied: number | null
  proposalsPending: number | null
  proposalsFailed: number | null
  /** etcd_mvcc_db_total_size_in_bytes and etcd_mvcc_db_total_size_in_use_in_bytes. */
  dbSizeBytes: number | null
  dbInUseBytes: number | null
  /** etcd_server_leader_changes_seen_total: leader changes this member saw since it started. */
  leaderChanges: number | null
  /** p99 of the fsyncs / backend commits since the previous sample (ms); null when none ran. */
  walFsyncP99Ms: number | null
  backendCommitP99Ms: number | null
  /** gRPC requests the member handled per second since the previous sample. */
  clientRequestsPerSecond: number | null
}

/** Every member of a cluster at one moment, and the write probe's latency when it runs. */
export interface MetricsSample {
  /** Epoch milliseconds. */
  at: number
  members: MemberMetrics[]
  /** The write probe's p99 over its last minute (ms); null when it does not run. */
  probeP99Ms: number | null
}

/** New samples of one cluster, pushed once per sampling round to the windows that subscribed. */
export interface MetricsBatch {
  cluster: string
  samples: MetricsSample[]
}

/** What a window gets when it subscribes: its subscription and the kept history. */
export interface MetricsSubscription {
  subscriptionId: string
  cluster: string
  intervalMs: number
  samples: MetricsSample[]
}

/** The numeric quantities of a member sample (the charts' choices). */
export type MemberQuantity = Exclude<keyof MemberMetrics, 'member'>
