/**
 * The pending automatic restarts of one cluster's members. The cluster runtime owns them: stop,
 * delete and quit cancel them all, a user's own action on a member cancels that member's, so no
 * timer ever restarts a member after the user stopped it.
 */
export class RestartTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>()

  /** Runs `fire` for `member` after `delayMs`, replacing a restart already pending for it. */
  schedule(member: string, delayMs: number, fire: () => void): void {
    this.cancel(member)
    const timer = setTimeout(() => {
      this.timers.delete(member)
      fire()
    }, delayMs)
    // A pending restart must not keep the engine's process alive on its own.
    timer.unref()
    this.timers.set(member, timer)
  }

  /** Cancels the pending restart of `member`; true when there was one. */
  cancel(member: string): boolean {
    const timer = this.timers.get(member)
    if (!timer) return false
    clearTimeout(timer)
    this.timers.delete(member)
    return true
  }

  /** Cancels every pending restart; returns the members whose restart was cancelled. */
  cancelAll(): string[] {
    const members = [...this.timers.keys()]
    for (const member of members) this.cancel(member)
    return members
  }

  /** Members with a restart pending. */
  get pending(): string[] {
    return [...this.timers.keys()]
  }
}
