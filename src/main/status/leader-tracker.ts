import type { LeaderChange } from '../../shared/cluster'

/** How many leader changes a cluster status carries; older ones are dropped first. */
const LEADER_CHANGE_HISTORY = 50

/** Remembers the last known leader and records each time a different member becomes leader. */
// Why no "A → none" entry: a lost leader already shows as no leader in the status; recording the
// next election as A → B says what the user wants to know, who took over from whom.
export class LeaderTracker {
  private lastLeader: string | null = null
  private readonly history: LeaderChange[] = []

  constructor(private readonly capacity = LEADER_CHANGE_HISTORY) {}

  /** Feeds the leader seen by one poll; returns the change it represents, if any. */
  observe(leaderName: string | null, term: string | null, at: string): LeaderChange | null {
    if (leaderName === null || leaderName === this.lastLeader) return null
    const change: LeaderChange = { at, from: this.lastLeader, to: leaderName, term }
    this.lastLeader = leaderName
    this.history.push(change)
    if (this.history.length > this.capacity)
      this.history.splice(0, this.history.length - this.capacity)
    return change
  }

  /** The recorded changes, oldest first (a copy). */
  get changes(): LeaderChange[] {
    return [...this.history]
  }

  /** The last member seen as leader, even if it is no longer reachable. */
  get lastKnownLeader(): string | null {
    return this.lastLeader
  }
}
