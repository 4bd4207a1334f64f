import type { TFunction } from 'i18next'
import type { LeaderChange } from '../../../../shared/cluster'
import type { ClusterEvent, ClusterEventKind } from '../../../../shared/cluster-events'
import { eventWords } from '../timeline/event-words'

/** One event marked on the charts' time axis. */
export interface AxisEvent {
  /** Epoch seconds (the charts' x unit). */
  at: number
  kind: ClusterEventKind
  text: string
}

/** Marker colours by kind (also named in the tab's key line). */
export const EVENT_COLORS: Record<ClusterEventKind, string> = {
  'leader-change': '#d9480f',
  'member-state': '#868e96',
  'user-action': '#1c7ed6',
}

/** The cluster timeline's events as axis marks, in the window's language. */
export function fromTimeline(
  events: readonly ClusterEvent[],
  t: TFunction<'timeline'>,
): AxisEvent[] {
  return events.map((e) => ({ at: Date.parse(e.at) / 1000, kind: e.kind, text: eventWords(e, t) }))
}

/** Leader changes from the status poll (when no timeline is available, e.g. a connection). */
export function fromLeaderChanges(
  changes: readonly LeaderChange[],
  t: TFunction<'timeline'>,
): AxisEvent[] {
  return changes.map((c) => ({
    at: Date.parse(c.at) / 1000,
    kind: 'leader-change',
    text: c.to ? t('leader.elected', { to: c.to }) : t('leader.none'),
  }))
}
