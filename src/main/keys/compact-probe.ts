import type { IWatchResponse, WatchClient } from 'etcd3'
import { COMPACT_PROBE_TIMEOUT_MS } from './key-limits'

/**
 * Learns etcd's current compact revision, or null when there is none (or no answer in time).
 *
 * Why: etcd3's Watcher reports a compaction cancel only as "Watcher canceled" and drops the
 * response's compact_revision. So we open a one-off raw watch at revision 1 on a single key:
 * when anything was compacted, etcd cancels it at once with compact_revision set; otherwise it
 * stays quiet (one key's history is tiny) and the timeout answers null.
 */
export async function probeCompactRevision(
  watchClient: WatchClient,
  key: Buffer,
): Promise<string | null> {
  const stream = await watchClient.watch()
  return new Promise((resolve) => {
    let isDone = false
    const finish = (revision: string | null): void => {
      if (isDone) return
      isDone = true
      clearTimeout(timer)
      // Half-close first: etcd3 resets the host's connections on errors of a writable stream,
      // which would also break the long-lived watch stream we are repairing.
      stream.end()
      stream.cancel()
      resolve(revision)
    }
    // Why: bounded so a cancelled watch whose cause was not compaction does not hang recovery.
    const timer = setTimeout(() => finish(null), COMPACT_PROBE_TIMEOUT_MS)
    stream.on('data', (response: IWatchResponse) => {
      if (response.compact_revision && response.compact_revision !== '0') {
        finish(response.compact_revision)
      }
    })
    stream.on('error', () => finish(null))
    stream.write({ create_request: { key, start_revision: 1 } })
  })
}
