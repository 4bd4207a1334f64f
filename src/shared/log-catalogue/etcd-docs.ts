/**
 * Pages of etcd's documentation the log explanations link to (etcd.io, v3.5: the line etcd Desk
 * runs most; 3.4's pages say the same for these topics). Paths and anchors are those of the
 * etcd-io/website repository's content/en/docs/v3.5.
 */
const BASE = 'https://etcd.io/docs/v3.5'

/** Documentation links by topic. */
export const ETCD_DOCS = {
  security: `${BASE}/op-guide/security/`,
  failures: `${BASE}/op-guide/failures/`,
  leaderFailure: `${BASE}/op-guide/failures/#leader-failure`,
  followerFailure: `${BASE}/op-guide/failures/#minor-followers-failure`,
  timeParameters: `${BASE}/tuning/#time-parameters`,
  diskTuning: `${BASE}/tuning/#disk`,
  hardwareDisks: `${BASE}/op-guide/hardware/#disks`,
  preVote: `${BASE}/op-guide/configuration/#clustering`,
  diskLosesLeader: `${BASE}/faq/#why-does-etcd-lose-its-leader-from-disk-latency-spikes`,
  applyTookTooLong: `${BASE}/faq/#what-does-the-etcd-warning-apply-entries-took-too-long-mean`,
  heartbeatLate: `${BASE}/faq/#what-does-the-etcd-warning-failed-to-send-out-heartbeat-on-time-mean`,
  clusterIdMismatch: `${BASE}/faq/#what-does-the-etcd-warning-request-ignored-cluster-id-mismatch-mean`,
  spaceExceeded: `${BASE}/faq/#what-does-mvcc-database-space-exceeded-mean-and-how-do-i-fix-it`,
  spaceQuota: `${BASE}/op-guide/maintenance/#space-quota`,
  compaction: `${BASE}/op-guide/maintenance/#history-compaction-v3-api-key-value-database`,
  defragmentation: `${BASE}/op-guide/maintenance/#defragmentation`,
  revisions: `${BASE}/learning/api/#revisions`,
  removeMember: `${BASE}/op-guide/runtime-configuration/#remove-a-member`,
  reconfiguration: `${BASE}/op-guide/runtime-configuration/`,
  strictReconfig: `${BASE}/op-guide/runtime-configuration/#strict-reconfiguration-check-mode--strict-reconfig-check`,
  clustering: `${BASE}/op-guide/clustering/`,
  clusteringErrors: `${BASE}/op-guide/clustering/#error-cases`,
  authConfig: `${BASE}/op-guide/configuration/#auth`,
  configuration: `${BASE}/op-guide/configuration/`,
  monitoring: `${BASE}/op-guide/monitoring/`,
} as const
