import type { TFunction } from 'i18next'
import type { KeySearchMatch, KeySearchState, KeySearchUpdate } from '../../../../shared/key-search'
import type { ErrorData } from '../../../../shared/result'

/** What the Search view shows: one search at a time, its matches and where it stands. */
export interface SearchView {
  /** The running or last search; null before the first. */
  searchId: string | null
  /** Where it stands; 'idle' before the first search, 'starting' until the engine answered. */
  state: KeySearchState | 'idle' | 'starting' | 'cancelled'
  matches: KeySearchMatch[]
  scanned: number
  total: number | null
  /** The revision every key was read at. */
  revision: string | null
  error: ErrorData | null
}

/** Before the first search. */
export const IDLE_SEARCH: SearchView = {
  searchId: null,
  state: 'idle',
  matches: [],
  scanned: 0,
  total: null,
  revision: null,
  error: null,
}

/** A search was sent; its id is not known yet. */
export function starting(): SearchView {
  return { ...IDLE_SEARCH, state: 'starting' }
}

/** The engine accepted the search. */
export function started(view: SearchView, searchId: string, revision: string): SearchView {
  return { ...view, searchId, revision, state: view.state === 'starting' ? 'running' : view.state }
}

/**
 * One push of the search applied: matches appended (never more than `maxKept`, a guard behind
 * the engine's own cap), progress and state replaced.
 */
export function applyUpdate(
  view: SearchView,
  update: KeySearchUpdate,
  maxKept: number,
): SearchView {
  if (update.searchId !== view.searchId || !isLive(view)) return view
  const room = Math.max(0, maxKept - view.matches.length)
  const matches =
    update.matches.length === 0 ? view.matches : view.matches.concat(update.matches.slice(0, room))
  return {
    ...view,
    matches,
    scanned: update.scanned,
    total: update.total,
    state: update.state,
    error: update.error,
  }
}

/** True while the search may still report. */
export function isLive(view: SearchView): boolean {
  return view.state === 'starting' || view.state === 'running'
}

/** "Scanned 12,000 of 100,000 keys · 3 matches", as the status line says it. */
export function progressText(view: SearchView, t: TFunction<'key-search'>): string {
  const total =
    view.total === null ? t('progress.counting') : t('progress.total', { total: view.total })
  const found = t('progress.found', { count: view.matches.length })
  const scanned = view.scanned
  switch (view.state) {
    case 'idle':
      return ''
    case 'starting':
      return t('progress.starting')
    case 'running':
      return t('progress.running', { scanned, total, found })
    case 'done':
      return t('progress.done', { scanned, found })
    case 'capped':
      return t('progress.capped', { scanned, total, found })
    case 'cancelled':
      return t('progress.cancelled', { scanned, total, found })
    case 'failed':
      return t('progress.failed', { scanned, found })
  }
}
