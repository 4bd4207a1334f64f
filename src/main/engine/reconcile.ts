import type { ClusterRuntime } from '../cluster/cluster-runtime'
import { commandLineOf, isAlive } from '../process/process-liveness'
import type { ClusterStore } from '../store/cluster-store'

/** What to do with members an earlier engine left running. */
export type OrphanPolicy = 'adopt' | 'stop'

/** What reconciliation found for one recorded member. */
export interface ReconcileOutcome {
  cluster: string
  member: string
  pid: number
  action: 'adopted' | 'stopped' | 'gone' | 'not-ours'
}

/**
 * Finds members an earlier engine started (run record: pid + full command line, which contains
 * the member's own data dir) and adopts or stops them. A pid whose command line differs belongs
 * to an unrelated process that reused the pid: it is never touched.
 */
export async function reconcileCluster(
  runtime: ClusterRuntime,
  store: ClusterStore,
  policy: OrphanPolicy,
): Promise<ReconcileOutcome[]> {
  const outcomes: ReconcileOutcome[] = []
  const cluster = runtime.def.name
  for (const entry of await store.loadRunRecord(cluster)) {
    const base = { cluster, member: entry.member, pid: entry.pid }
    if (!isAlive(entry.pid)) {
      outcomes.push({ ...base, action: 'gone' })
      continue
    }
    const command = await commandLineOf(entry.pid)
    const known = runtime.slots.some((s) => s.spec.name === entry.member)
    if (command !== entry.command || !known) {
      outcomes.push({ ...base, action: 'not-ours' })
      continue
    }
    runtime.adopt(entry.member, entry.pid, entry.command)
    outcomes.push({ ...base, action: policy === 'stop' ? 'stopped' : 'adopted' })
  }
  // Stopping after adopting them all lets the runtime stop them in a safe order.
  if (policy === 'stop') await runtime.stop()
  await runtime.saveRunRecord()
  return outcomes
}
