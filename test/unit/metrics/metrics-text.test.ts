import { describe, expect, it } from 'vitest'
import { readMemberText } from '../../../src/main/metrics/metrics-text'
import { SampleRing } from '../../../src/main/metrics/sample-ring'

// An excerpt of etcd 3.5.16's /metrics, with families the reader must skip around the ones it reads.
const PAGE = `# HELP etcd_debugging_mvcc_db_total_size_in_bytes Total size of the underlying database physically allocated in bytes.
# TYPE etcd_debugging_mvcc_db_total_size_in_bytes gauge
etcd_debugging_mvcc_db_total_size_in_bytes 999
# HELP etcd_disk_wal_fsync_duration_seconds The latency distributions of fsync called by WAL.
# TYPE etcd_disk_wal_fsync_duration_seconds histogram
etcd_disk_wal_fsync_duration_seconds_bucket{le="0.001"} 4
etcd_disk_wal_fsync_duration_seconds_bucket{le="0.002"} 5
etcd_disk_wal_fsync_duration_seconds_bucket{le="+Inf"} 6
etcd_disk_wal_fsync_duration_seconds_sum 0.011461617
etcd_disk_wal_fsync_duration_seconds_count 6
# HELP etcd_mvcc_db_total_size_in_bytes Total size of the underlying database physically allocated in bytes.
# TYPE etcd_mvcc_db_total_size_in_bytes gauge
etcd_mvcc_db_total_size_in_bytes 24576
# HELP etcd_mvcc_db_total_size_in_use_in_bytes Total size of the underlying database logically in use in bytes.
# TYPE etcd_mvcc_db_total_size_in_use_in_bytes gauge
etcd_mvcc_db_total_size_in_use_in_bytes 16384
# HELP etcd_server_leader_changes_seen_total The number of leader changes seen.
# TYPE etcd_server_leader_changes_seen_total counter
etcd_server_leader_changes_seen_total 2
# HELP etcd_server_proposals_applied_total The total number of consensus proposals applied.
# TYPE etcd_server_proposals_applied_total gauge
etcd_server_proposals_applied_total 41
# HELP etcd_server_proposals_committed_total The total number of consensus proposals committed.
# TYPE etcd_server_proposals_committed_total gauge
etcd_server_proposals_committed_total 42
# HELP etcd_server_proposals_failed_total The total number of failed proposals seen.
# TYPE etcd_server_proposals_failed_total counter
etcd_server_proposals_failed_total 1
# HELP etcd_server_proposals_pending The current number of pending proposals to commit.
# TYPE etcd_server_proposals_pending gauge
etcd_server_proposals_pending 0
# HELP grpc_server_handled_total Total number of RPCs completed on the server, regardless of success or failure.
# TYPE grpc_server_handled_total counter
grpc_server_handled_total{grpc_code="OK",grpc_method="Range",grpc_service="etcdserverpb.KV",grpc_type="unary"} 30
grpc_server_handled_total{grpc_code="OK",grpc_method="Put",grpc_service="etcdserverpb.KV",grpc_type="unary"} 12
grpc_server_handled_total{grpc_code="Unavailable",grpc_method="Put",grpc_service="etcdserverpb.KV",grpc_type="unary"} 1
grpc_server_handled_total{grpc_code="Aborted",grpc_method="Put",grpc_service="etcdserverpb.KV",grpc_type="unary"} 0
grpc_server_handled_total{grpc_code="Canceled",grpc_method="Watch",grpc_service="etcdserverpb.Watch",grpc_type="bidi_stream"} 10
`

describe('readMemberText', () => {
  it('reads the charted families and skips look-alikes (etcd_debugging_…)', () => {
    expect(readMemberText(PAGE)).toEqual({
      proposalsCommitted: 42,
      proposalsApplied: 41,
      proposalsPending: 0,
      proposalsFailed: 1,
      dbSizeBytes: 24576,
      dbInUseBytes: 16384,
      leaderChanges: 2,
      walFsync: {
        buckets: [
          [0.001, 4],
          [0.002, 5],
          [Infinity, 6],
        ],
      },
      backendCommit: null,
      grpcHandled: 53,
    })
  })

  it('answers null for families a member does not expose', () => {
    const reading = readMemberText('# TYPE something_else gauge\nsomething_else 1\n')
    expect(reading.dbSizeBytes).toBeNull()
    expect(reading.walFsync).toBeNull()
    expect(reading.grpcHandled).toBeNull()
  })
})

describe('SampleRing', () => {
  it('keeps the newest items up to its capacity, oldest first', () => {
    const ring = new SampleRing<number>(3)
    for (const n of [1, 2, 3, 4, 5]) ring.push(n)
    expect(ring.toArray()).toEqual([3, 4, 5])
    expect(ring.size).toBe(3)
  })

  it('refuses a capacity below 1, naming it', () => {
    expect(() => new SampleRing(0)).toThrow('capacity of at least 1, not 0')
  })
})
