import { rmSync } from 'node:fs'
import { findEtcdProcesses } from './etcd-processes'
import { TEST_ROOT } from './test-dirs'

/**
 * Vitest global setup: after the whole run, no etcd started by this run may still be running.
 * The run's folder (member data is ~123 MB each) is removed afterwards.
 */
export default function setup(): () => void {
  return () => {
    const leftovers = findEtcdProcesses(TEST_ROOT)
    for (const p of leftovers) {
      try {
        process.kill(p.pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }
    rmSync(TEST_ROOT, { recursive: true, force: true })
    if (leftovers.length > 0) {
      throw new Error(
        `Tests left ${leftovers.length} etcd process(es) running: ${leftovers.map((p) => p.pid).join(', ')}`,
      )
    }
  }
}
