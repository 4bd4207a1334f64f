/** Metadata and (optionally) value of one key. Keys and values are bytes: never assume UTF-8. */
export interface KeyEntry {
  key: Uint8Array
  value: Uint8Array | null
  createRevision: string
  modRevision: string
  version: string
  /** Lease ID as a decimal string ('0' = no lease); the window shows it in hex like etcdctl. */
  lease: string
  /**
   * Size of the value in bytes, or null when the value was not fetched: etcd's keys_only ranges
   * return no value and no size (mvccpb.KeyValue has no size field).
   */
  valueSize: number | null
}

/** One page of a key listing pinned to a revision. */
export interface KeyPage {
  entries: KeyEntry[]
  /** Revision the listing is pinned to; pass it back to continue consistently. */
  revision: string
  /** Start of the next page, or null when there is none. */
  nextKey: Uint8Array | null
  /**
   * How many keys the whole range holds, or null when this page was read from a bounded range
   * to stay fast (ask keys:count for it).
   */
  count: number | null
  /**
   * The revision etcd Desk last compacted this cluster to (history before it is gone), or null
   * when it has not compacted it since the engine started. Absent from older engines.
   */
  compactRevision?: string | null
}

/** A direct child of a folder: a key, or a folder (a common prefix up to the separator). */
export interface KeyChild {
  name: Uint8Array
  /** Full key or folder prefix (the folder prefix ends with the separator). */
  path: Uint8Array
  isFolder: boolean
}

/** One page of a folder's direct children. */
export interface ChildPage {
  children: KeyChild[]
  /** Where to continue listing children, or null when done. */
  nextKey: Uint8Array | null
  revision: string
}

/**
 * A change seen by a watch. It carries the value's size, not the value: a watch over a busy prefix
 * must not push every value to the window (it reads a value when the user opens the key).
 */
export interface KeyEvent {
  type: 'put' | 'delete'
  key: Uint8Array
  /** Size of the new value in bytes; null for a delete. */
  valueSize: number | null
  modRevision: string
}
