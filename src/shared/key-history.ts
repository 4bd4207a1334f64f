/**
 * A key's history as the engine reads it: etcd keeps every version of a key (until compaction)
 * and serves it to a Range at a past revision. etcd records no time for a revision, so a version
 * has a revision but no timestamp.
 */

/** Versions per history page when the caller gives no limit. */
export const DEFAULT_HISTORY_LIMIT = 20

/** Most versions one history page may ask for (each is one Range of one key). */
export const MAX_HISTORY_LIMIT = 100

/**
 * Most value bytes one history page carries: a page stops early once its values add up to this
 * (it always holds at least one version), so ten 1.5 MiB versions never travel at once.
 */
export const HISTORY_PAGE_VALUE_BYTES = 8 * 1024 * 1024

/** One version of a key: what a Range at `modRevision` returned. */
export interface KeyVersion {
  /** The revision that wrote this version (etcd's mod_revision). */
  modRevision: string
  /** etcd's per-key counter: 1 at creation, +1 per put. */
  version: string
  /** Lease ID as a decimal string ('0' = no lease). */
  lease: string
  value: Uint8Array
}

/** One page of a key's history, newest version first. */
export interface KeyHistoryPage {
  key: Uint8Array
  /** The revision that created the key (its current life: a delete ends a life). */
  createRevision: string
  versions: KeyVersion[]
  /** Read the next (older) page before this revision; null when the page reached the key's creation or compaction. */
  nextRevision: string | null
  /**
   * Set when compaction removed the older versions: `revision` is etcd's compact revision
   * ("history before revision N was compacted"), null when etcd did not tell it in time.
   */
  compacted: { revision: string | null } | null
}
