import type { ClusterView } from '../../../../shared/cluster'

/**
 * The clusters as the window knows them. Views come from pushes (`cluster:changed`) and from
 * request answers (list, create, start, member actions…) in any order; each carries the engine's
 * revision at the time it was made, and the view with the highest revision wins, so a late answer
 * never overwrites a newer push. `at` is the window's own clock of when something arrived.
 */
export interface ClusterStore {
  views: ReadonlyMap<string, ClusterView>
  /** Removed clusters: the highest revision known when each went; older views stay gone. */
  removed: ReadonlyMap<string, number>
  /** When (window clock) each name last changed. */
  changedAt: ReadonlyMap<string, number>
  /** Highest revision seen. */
  revision: number
}

/** Nothing known yet. */
export const EMPTY_CLUSTER_STORE: ClusterStore = {
  views: new Map(),
  removed: new Map(),
  changedAt: new Map(),
  revision: 0,
}

/** True when `view` is at least as new as what the store holds for its cluster. */
function isNewest(store: ClusterStore, view: ClusterView): boolean {
  const name = view.definition.name
  const held = store.views.get(name)
  if (held) return view.revision >= held.revision
  const removedAt = store.removed.get(name)
  return removedAt === undefined || view.revision > removedAt
}

/** The store with one view taken in, unless it holds a newer one (or the cluster went later). */
export function acceptView(store: ClusterStore, view: ClusterView, at: number): ClusterStore {
  if (!isNewest(store, view)) return store
  const name = view.definition.name
  const removed = new Map(store.removed)
  removed.delete(name)
  return {
    views: new Map(store.views).set(name, view),
    removed,
    changedAt: new Map(store.changedAt).set(name, at),
    revision: Math.max(store.revision, view.revision),
  }
}

/** The store without a cluster; views of it up to revision `removedAt` are ignored from now on. */
function withRemoval(store: ClusterStore, name: string, removedAt: number, at: number) {
  const views = new Map(store.views)
  views.delete(name)
  return {
    ...store,
    views,
    removed: new Map(store.removed).set(name, removedAt),
    changedAt: new Map(store.changedAt).set(name, at),
  }
}

/**
 * The store without a cluster; views of it up to `revision` (the engine's, from the push; else
 * the highest this window has seen) are ignored from now on.
 */
export function acceptRemoval(
  store: ClusterStore,
  name: string,
  at: number,
  revision = store.revision,
): ClusterStore {
  return withRemoval(store, name, Math.max(revision, store.revision), at)
}

/**
 * The store after a `clusters:list` answer to a request sent at `sentAt`: the list is the new
 * base (after a reconnect the engine may have restarted, and its revisions with it), except for
 * what arrived while the list was on its way, which stays when it is newer than the list.
 */
export function acceptList(
  store: ClusterStore,
  list: readonly ClusterView[],
  sentAt: number,
  at: number,
): ClusterStore {
  let next: ClusterStore = {
    views: new Map(list.map((v) => [v.definition.name, v])),
    removed: new Map(),
    changedAt: new Map(list.map((v) => [v.definition.name, at])),
    revision: Math.max(0, ...list.map((v) => v.revision)),
  }
  for (const [name, changed] of store.changedAt) {
    if (changed <= sentAt) continue
    const view = store.views.get(name)
    const removedAt = store.removed.get(name)
    if (view) next = acceptView(next, view, changed)
    else if (removedAt !== undefined && (next.views.get(name)?.revision ?? 0) <= removedAt) {
      next = withRemoval(next, name, removedAt, changed)
    }
  }
  return next
}

/** The clusters sorted by name. */
export function clustersOf(store: ClusterStore): ClusterView[] {
  return [...store.views.values()].sort((a, b) =>
    a.definition.name.localeCompare(b.definition.name),
  )
}
