import { EventEmitter } from 'node:events'
import type { EngineWords } from '../../shared/engine-words/engine-words'
import type {
  ClusterOperationKind,
  ExitInfo,
  LeaderChange,
  MemberState,
} from '../../shared/cluster'
import {
  MAX_TIMELINE_EVENTS,
  type ActionOutcome,
  type ClusterEvent,
  mergeNewestFirst,
} from '../../shared/cluster-events'
import { isEngineError } from '../errors/engine-error'
import { actionText, leaderChangeText, memberStateText } from './event-text'

/** An operation that ran to its end (ClusterOperations reports it). */
export interface EndedOperation {
  kind: ClusterOperationKind
  label: string
  labelWords?: EngineWords
  member?: string
  startedAt: string
  endedAt: string
  /** What it threw, or null when it succeeded. */
  error: unknown
}

/** Events of the timeline. */
export interface ClusterTimelineEvents {
  append: [event: ClusterEvent]
}

/**
 * Operations the engine runs on its own, not the user: an automatic restart shows as the member's
 * state changes, and resuming a half-done change is reported at start-up.
 */
const ENGINE_OWN_OPERATIONS: ReadonlySet<ClusterOperationKind> = new Set([
  'auto-restart',
  'resume-change',
])

/**
 * Each cluster's timeline (the last MAX_TIMELINE_EVENTS events): leader changes, member state
 * changes and the user's actions, as they happen. Emits `append` for every event it records.
 */
export class ClusterTimeline extends EventEmitter<ClusterTimelineEvents> {
  private readonly byCluster = new Map<string, ClusterEvent[]>()
  private seq = 0

  constructor(private readonly maxPerCluster = MAX_TIMELINE_EVENTS) {
    super()
  }

  /** Records a leader change the status poller saw. */
  recordLeaderChange(cluster: string, change: LeaderChange): void {
    this.add({
      at: change.at,
      cluster,
      kind: 'leader-change',
      member: change.to,
      from: change.from,
      term: change.term,
      text: leaderChangeText(change),
    })
  }

  /** Records a member's new process state (with how it exited, for crashed and errored). */
  recordMemberState(
    cluster: string,
    member: string,
    state: MemberState,
    exit: ExitInfo | null,
  ): void {
    this.add({
      at: new Date().toISOString(),
      cluster,
      kind: 'member-state',
      member,
      state,
      text: memberStateText(member, state, exit),
    })
  }

  /** Records an operation the user asked for once it ended (the engine's own are skipped). */
  recordAction(cluster: string, ended: EndedOperation): void {
    if (ENGINE_OWN_OPERATIONS.has(ended.kind)) return
    const outcome = outcomeOf(ended.error)
    const message = ended.error === null ? null : messageOf(ended.error)
    this.add({
      at: ended.startedAt,
      cluster,
      kind: 'user-action',
      member: ended.member ?? null,
      operation: ended.kind,
      ...(ended.labelWords ? { labelWords: ended.labelWords } : {}),
      outcome,
      endedAt: ended.endedAt,
      text: actionText(ended.label, outcome, message),
    })
  }

  /** A cluster's events, newest first (a user action by the time it started). */
  events(cluster: string): ClusterEvent[] {
    return mergeNewestFirst(this.byCluster.get(cluster) ?? [], [])
  }

  /** Forgets a deleted cluster's events. */
  forget(cluster: string): void {
    this.byCluster.delete(cluster)
  }

  private add(fields: Omit<ClusterEvent, 'seq'>): void {
    const event: ClusterEvent = { seq: ++this.seq, ...fields }
    let list = this.byCluster.get(event.cluster)
    if (!list) this.byCluster.set(event.cluster, (list = []))
    list.push(event)
    if (list.length > this.maxPerCluster) list.splice(0, list.length - this.maxPerCluster)
    this.emit('append', event)
  }
}

function outcomeOf(error: unknown): ActionOutcome {
  if (error === null) return 'succeeded'
  return isEngineError(error) && error.is('OPERATION_CANCELLED') ? 'cancelled' : 'failed'
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
