import type { CatalogueEntry } from '../log-explanations'
import { ETCD_DOCS } from './etcd-docs'

/** Slow disks and requests, the space quota, compaction and defragmentation. */
export const STORAGE_ENTRIES: readonly CatalogueEntry[] = [
  {
    id: 'disk-slow-fdatasync',
    topic: 'disk',
    pattern: /slow fdatasync|sync duration of \S+, expected less than/,
    docsUrl: ETCD_DOCS.hardwareDisks,
  },
  {
    id: 'heartbeat-late',
    topic: 'disk',
    pattern: /failed to send out heartbeat on time|server is likely overloaded/,
    docsUrl: ETCD_DOCS.heartbeatLate,
  },
  {
    id: 'apply-took-too-long',
    topic: 'disk',
    pattern:
      /apply request took too long|apply entries took too long|took too long \([^)]*\) to execute/,
    docsUrl: ETCD_DOCS.applyTookTooLong,
  },
  {
    id: 'read-index-slow',
    topic: 'disk',
    pattern: /waiting for ReadIndex response took too long/,
    docsUrl: ETCD_DOCS.leaderFailure,
  },
  {
    id: 'slow-request-trace',
    topic: 'disk',
    pattern: /^trace\[\d+\] \w+/m,
    docsUrl: ETCD_DOCS.applyTookTooLong,
  },
  {
    id: 'space-exceeded',
    topic: 'space',
    pattern: /alarm raised[\s\S]*\bNOSPACE\b|alarm NOSPACE raised|database space exceeded/,
    docsUrl: ETCD_DOCS.spaceExceeded,
  },
  {
    id: 'compacted-revision',
    topic: 'compaction',
    pattern: /required revision has been compacted/,
    docsUrl: ETCD_DOCS.revisions,
  },
  {
    id: 'compaction-done',
    topic: 'compaction',
    pattern:
      /finished scheduled compaction|compact tree index|store\.index: compact \d+|^compacted revision \d+$/m,
    docsUrl: ETCD_DOCS.compaction,
  },
  {
    id: 'defragment',
    topic: 'compaction',
    pattern:
      /^(starting defragment|defragmenting|defragmented|finished defragment)$|defragment(ing)? the storage backend/m,
    docsUrl: ETCD_DOCS.defragmentation,
  },
]
