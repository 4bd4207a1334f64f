import { EngineError } from '../errors/engine-error'

/** Major and minor of "3.5.17" (or "3.6.0-rc.1"); null when it does not parse. */
function minorOf(version: string): { major: number; minor: number } | null {
  const match = /^(\d+)\.(\d+)\./.exec(version)
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : null
}

/**
 * Checks that a "system" cluster, created with etcd `recorded`, may start with the etcd now on
 * PATH (`found`). etcd supports any patch change within a minor line and an upgrade by one minor
 * line (which upgrades the data for good); a downgrade to an older line, or skipping a line, can
 * leave the data unreadable, so it is refused (ETCD_VERSION_CHANGED) before any member starts.
 */
export function checkSystemEtcdChange(cluster: string, recorded: string, found: string): void {
  const before = minorOf(recorded)
  const now = minorOf(found)
  if (!before || !now || recorded === found) return
  const step = (now.major - before.major) * 100 + (now.minor - before.minor)
  if (step === 0 || step === 1) return
  const why =
    step < 0
      ? `etcd cannot go back to an older minor line on data written by ${recorded}`
      : `etcd upgrades one minor line at a time, and ${recorded} → ${found} skips one`
  throw new EngineError(
    'ETCD_VERSION_CHANGED',
    `Cluster ${cluster} was created with the system etcd ${recorded}, but the etcd on PATH is now ${found}: ${why}. Put etcd ${recorded} back on PATH, or create a new cluster.`,
    { cluster, recordedVersion: recorded, foundVersion: found },
  )
}
