import type { KeyEntry, KeyEvent, KeyPage } from '../../../../shared/keys'
import { compareBytes, equalBytes, startsWithBytes } from '../shared/bytes'

/** The flat key list as loaded so far: pages of one prefix, pinned to the first page's revision. */
export interface KeyListState {
  entries: KeyEntry[]
  /** Revision of the first page: later pages read the same snapshot, the watch starts after it. */
  revision: string | null
  nextKey: Uint8Array | null
  /** Keys under the prefix; null until counted (a fast first page comes without its count). */
  count: number | null
  /** The revision the engine last compacted the cluster to (history before it is gone), or null. */
  compactRevision: string | null
}

/** Nothing loaded. */
export const EMPTY_KEY_LIST: KeyListState = {
  entries: [],
  revision: null,
  nextKey: null,
  count: 0,
  compactRevision: null,
}

/** The state after the first page. */
export function firstPage(page: KeyPage): KeyListState {
  return {
    entries: page.entries,
    revision: page.revision,
    nextKey: page.nextKey,
    count: page.count,
    compactRevision: page.compactRevision ?? null,
  }
}

/** The state after one more page. */
export function nextPage(state: KeyListState, page: KeyPage): KeyListState {
  return {
    ...state,
    entries: state.entries.concat(page.entries),
    nextKey: page.nextKey,
    count: page.count ?? state.count,
  }
}

/** The state once the prefix has been counted. */
export function withCount(state: KeyListState, count: number): KeyListState {
  return { ...state, count }
}

/** True when `key` falls inside what has been loaded (every key before the next page start). */
function isInLoadedRange(state: KeyListState, key: Uint8Array): boolean {
  return state.nextKey === null || compareBytes(key, state.nextKey) < 0
}

/**
 * Applies watched changes: puts update or insert (in byte order) keys inside the loaded range,
 * deletes remove them; the count follows what can be known. Keys beyond the loaded range appear
 * when their page loads.
 */
export function applyKeyEvents(
  state: KeyListState,
  prefix: Uint8Array,
  events: readonly KeyEvent[],
): KeyListState {
  let { entries, count } = state
  for (const event of events) {
    if (!startsWithBytes(event.key, prefix) || !isInLoadedRange(state, event.key)) continue
    const index = entries.findIndex((e) => equalBytes(e.key, event.key))
    if (event.type === 'delete') {
      if (index < 0) continue
      entries = entries.filter((_, i) => i !== index)
      count = count === null ? null : Math.max(0, count - 1)
    } else if (index >= 0) {
      const old = entries[index] as KeyEntry
      const updated = { ...old, modRevision: event.modRevision, version: bumpVersion(old.version) }
      entries = entries.map((e, i) => (i === index ? updated : e))
    } else {
      const at = entries.findIndex((e) => compareBytes(e.key, event.key) > 0)
      const created: KeyEntry = {
        key: event.key,
        value: null,
        createRevision: event.modRevision,
        modRevision: event.modRevision,
        version: '1',
        lease: '0',
        valueSize: event.valueSize,
      }
      entries =
        at < 0 ? [...entries, created] : [...entries.slice(0, at), created, ...entries.slice(at)]
      count = count === null ? null : count + 1
    }
  }
  return entries === state.entries ? state : { ...state, entries, count }
}

function bumpVersion(version: string): string {
  const n = Number(version)
  return Number.isFinite(n) ? String(n + 1) : version
}
