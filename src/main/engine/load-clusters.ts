import type { ClusterDefinition } from '../../shared/cluster'
import type { StartupReport } from '../../shared/contract'
import { words, type EngineWords } from '../../shared/engine-words/engine-words'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import type { ClusterStore } from '../store/cluster-store'
import { reconcileCluster, type OrphanPolicy, type ReconcileOutcome } from './reconcile'
import { startupReportOf } from './startup-report'

/** What loading the data directory found. */
export interface LoadedClusters {
  reconciled: ReconcileOutcome[]
  report: StartupReport | null
}

/**
 * Loads every saved cluster, makes its runtime, and adopts or stops the members an earlier engine
 * left running. What cannot be read is reported, never dropped: a cluster file that does not
 * parse, a run record that cannot be checked.
 */
export async function loadClusters(
  store: ClusterStore,
  addRuntime: (def: ClusterDefinition) => Promise<ClusterRuntime>,
  orphanPolicy: OrphanPolicy,
): Promise<LoadedClusters> {
  const { clusters, broken } = await store.loadAll()
  const problems: EngineWords[] = broken.map((b) =>
    words('engine-notices:startup.unreadable', { cluster: b.name, error: b.error }),
  )
  const reconciled: ReconcileOutcome[] = []
  for (const def of clusters) {
    const runtime = await addRuntime(def)
    try {
      reconciled.push(...(await reconcileCluster(runtime, store, orphanPolicy)))
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      problems.push(words('engine-notices:startup.notChecked', { cluster: def.name, message }))
    }
  }
  return { reconciled, report: startupReportOf(reconciled, problems) }
}
