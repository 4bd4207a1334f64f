/** When a crashed member is restarted automatically (pm2-style crash-loop limit). Off by default. */
export interface AutoRestartPolicy {
  enabled: boolean
  /** Crashes within a short uptime after which the member is given up on ("errored"). */
  maxRestarts: number
  /** A member that ran at least this long before crashing resets the crash count. */
  minUptimeMs: number
  /** Pause before a restart, so a crash loop does not spin the CPU. */
  backoffMs: number
}

/** Default policy: no automatic restarts; when enabled, 3 quick crashes give up. */
export const DEFAULT_AUTO_RESTART: AutoRestartPolicy = {
  enabled: false,
  maxRestarts: 3,
  minUptimeMs: 10_000,
  backoffMs: 1_000,
}

/** Decides what to do after an unexpected exit, given how long the member ran and recent quick crashes. */
export function decideRestart(
  policy: AutoRestartPolicy,
  uptimeMs: number,
  quickCrashes: number,
):
  | { action: 'none' }
  | { action: 'restart'; quickCrashes: number }
  | { action: 'give-up'; quickCrashes: number } {
  if (!policy.enabled) return { action: 'none' }
  const count = uptimeMs >= policy.minUptimeMs ? 1 : quickCrashes + 1
  return count > policy.maxRestarts
    ? { action: 'give-up', quickCrashes: count }
    : { action: 'restart', quickCrashes: count }
}
