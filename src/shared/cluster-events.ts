import type { ClusterOperationKind, MemberState } from './cluster'
import type { EngineWords } from './engine-words/engine-words'

/**
 * The cluster timeline: one list per cluster that merges leader changes, member state changes and
 * the user's own actions, kept by the engine (last MAX_TIMELINE_EVENTS) and shown in the Logs tab;
 * the Metrics tab marks the same events on its time axis.
 */

/** Events kept per cluster; older ones are dropped first. */
export const MAX_TIMELINE_EVENTS = 500

/** What a timeline event is about. */
export type ClusterEventKind = 'leader-change' | 'member-state' | 'user-action'

/** How a user action ended. */
export type ActionOutcome = 'succeeded' | 'failed' | 'cancelled'

/** One thing that happened to a cluster. */
export interface ClusterEvent {
  /** Grows with every event the engine records (any cluster): a stable key, and the order. */
  seq: number
  /** ISO time it happened (a user action: when it started). */
  at: string
  cluster: string
  kind: ClusterEventKind
  /** The member it concerns (a new leader, the member whose state changed, the member acted on). */
  member: string | null
  /** In words: "etcd2 crashed (signal SIGKILL)", "etcd1 took over from etcd2 (term 4)". */
  text: string
  /** A leader change: the leader before (null at the first election) and the new term. */
  from?: string | null
  term?: string | null
  /** A member-state event: the state the member entered. */
  state?: MemberState
  /** A user action: which operation, how it ended and when. */
  operation?: ClusterOperationKind
  /** A user action: the operation's label, for the window to show in its language. */
  labelWords?: EngineWords
  outcome?: ActionOutcome
  endedAt?: string
}

/** A cluster's events merged with more (without duplicates), newest first. */
export function mergeNewestFirst(
  known: readonly ClusterEvent[],
  more: readonly ClusterEvent[],
): ClusterEvent[] {
  const bySeq = new Map<number, ClusterEvent>()
  for (const event of [...known, ...more]) bySeq.set(event.seq, event)
  return [...bySeq.values()]
    .sort((a, b) => b.at.localeCompare(a.at) || b.seq - a.seq)
    .slice(0, MAX_TIMELINE_EVENTS)
}
