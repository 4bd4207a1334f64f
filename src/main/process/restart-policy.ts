import type { Settings } from '../../shared/settings'

/**
 * When a crashed member is restarted automatically (pm2-style crash-loop limit): the user's
 * setting; its default (off) is DEFAULT_SETTINGS.autoRestart in src/shared/settings.ts.
 */
export type AutoRestartPolicy = Settings['autoRestart']

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
