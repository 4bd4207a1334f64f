import type { DefragReport, SnapshotInfo } from '../../src/shared/maintenance'

/** A saved snapshot as the engine lists it. */
export function snapshotInfo(id: string, overrides: Partial<SnapshotInfo> = {}): SnapshotInfo {
  return {
    id,
    cluster: 'demo',
    member: 'etcd2',
    savedAt: '2026-12-01T07:27:20.000Z',
    bytes: 3 * 1024 * 1024,
    revision: '301',
    etcdVersion: '3.5.17',
    file: `/tmp/desk/snapshots/${id}`,
    ...overrides,
  }
}

/** A defragmentation of demo (etcd1 leads): etcd2, etcd3, then etcd1 after leadership moved. */
export function defragReport(): DefragReport {
  const mib = 1024 * 1024
  const step = (member: string, wasLeader: boolean, leaderMovedTo: string | null) => ({
    member,
    wasLeader,
    leaderMovedTo,
    before: { dbSize: 12 * mib, dbSizeInUse: 4 * mib },
    after: { dbSize: 4 * mib, dbSizeInUse: 4 * mib },
    tookMs: 80,
  })
  return {
    steps: [step('etcd2', false, null), step('etcd3', false, null), step('etcd1', true, 'etcd3')],
    probe: { ok: 40, failed: 0 },
  }
}
