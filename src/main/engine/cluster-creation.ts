import type { ClusterDefinition, ClusterSpec, ClusterView } from '../../shared/cluster'
import { validateClusterSpec } from '../../shared/validate-cluster-spec'
import { settlesWithin } from '../async/settles-within'
import { EngineError } from '../errors/engine-error'
import { english } from '../words/english'
import type { ClusterRuntime } from '../cluster/cluster-runtime'
import type { EtcdBinary } from '../etcd/etcd-binary'
import type { EngineLog } from '../log/engine-log'
import type { ClusterRestore } from '../maintenance/cluster-restore'
import type { ClusterDiscovery } from '../discovery/cluster-discovery'
import { explainDiscoveryFailure } from '../discovery/discovery-failure'
import { assertPortsFree } from '../ports/port-check'
import { defineCluster } from './cluster-planner'
import { ClusterReservations, type TakenCluster } from './cluster-reservations'

/** What creating a cluster needs of the engine. */
export interface ClusterCreationDeps {
  /** The clusters that exist now, with the members they hold (or are adding). */
  existing: () => TakenCluster[]
  resolveBinary: (version: string) => Promise<EtcdBinary>
  save: (def: ClusterDefinition) => Promise<void>
  /** Makes the runtime of a saved cluster, known to the engine from then on, and announced. */
  addRuntime: (def: ClusterDefinition) => Promise<ClusterRuntime>
  /** Throws ENGINE_CLOSED once the engine began closing. */
  assertOpen: () => void
  /** Restores a cluster created `fromSnapshot` before its first start. */
  restorer: ClusterRestore
  /** Makes the certificates of a new TLS cluster (before its runtime loads them). */
  createCertificates: (def: ClusterDefinition) => Promise<void>
  /** Discovery bootstrap: the token before the save, the registry check before the first start. */
  discovery: Pick<ClusterDiscovery, 'prepare' | 'beforeStart'>
  /** Deletes a saved cluster whose restore failed (it must not start empty later). */
  discard: (name: string) => Promise<void>
  log: EngineLog
}

/**
 * Creates clusters: reserves the name and ports synchronously (before the first `await`), then
 * resolves the etcd (downloading it if needed), checks the ports free, saves and starts it.
 * Keeps the creates in flight, so closing can wait for them.
 */
export class ClusterCreation {
  private readonly reservations = new ClusterReservations()
  private readonly inFlight = new Set<Promise<unknown>>()

  constructor(private readonly deps: ClusterCreationDeps) {}

  /** Every cluster that exists or is being created: names and ports a new one must avoid. */
  taken(): TakenCluster[] {
    return [...this.deps.existing(), ...this.reservations.specs]
  }

  /**
   * Creates (and by default starts) a cluster. A second create of the same name is refused with
   * CLUSTER_EXISTS, a port another cluster holds with PORT_IN_USE naming it, at once.
   */
  create(spec: ClusterSpec, start: boolean): Promise<ClusterView> {
    try {
      this.deps.assertOpen()
      const release = this.reservations.reserve(spec, this.taken())
      const creating = this.run(spec, start).finally(release)
      this.inFlight.add(creating)
      // Bookkeeping only: the caller gets the outcome from `creating` itself.
      const forget = (): boolean => this.inFlight.delete(creating)
      creating.then(forget, forget)
      return creating
    } catch (error) {
      // Refusals (CLUSTER_EXISTS, PORT_IN_USE, ENGINE_CLOSED) come back as a rejected promise too.
      return Promise.reject(error instanceof Error ? error : new Error(String(error)))
    }
  }

  /** Waits for the creates in flight, at most `ms`; false when some still run. */
  drain(ms: number): Promise<boolean> {
    return settlesWithin(Promise.allSettled([...this.inFlight]), ms)
  }

  /** How many creates run now. */
  get running(): number {
    return this.inFlight.size
  }

  private async run(spec: ClusterSpec, start: boolean): Promise<ClusterView> {
    const { deps } = this
    const log = deps.log.child({ cluster: spec.name })
    log.info({ etcdVersion: spec.etcdVersion, members: spec.members.length }, 'creating cluster')
    const binary = await deps.resolveBinary(spec.etcdVersion)
    await this.resolveMemberVersions(spec, binary.version)
    deps.assertOpen()
    await assertPortsFree(spec, spec.members, true)
    // A refused restore (no snapshot, a damaged one, a data dir in the way) saves nothing.
    await deps.restorer.check(spec, binary)
    deps.assertOpen()
    const discovery = await deps.discovery.prepare(spec, binary)
    deps.assertOpen()
    const def = { ...defineCluster(spec, binary.version), ...(discovery ? { discovery } : {}) }
    if (def.tls) await deps.createCertificates(def)
    await deps.save(def)
    const runtime = await deps.addRuntime(def)
    // Nothing starts once closing began; the saved cluster stays, stopped, for the next start.
    deps.assertOpen()
    const restored = def.fromSnapshot ? await this.restore(runtime, binary) : null
    if (start) {
      const prepare = def.discovery ? () => deps.discovery.beforeStart(def, binary) : undefined
      await runtime.start('create', prepare).catch((error: unknown) => {
        throw explainDiscoveryFailure(error, def)
      })
    }
    if (start && restored) await deps.restorer.verify(runtime, restored)
    return runtime.view()
  }

  /**
   * Installs the members' own versions of a mixed-version cluster (downloading them like the
   * cluster's), and refuses lines that are not adjacent once the system etcd's version is known.
   */
  private async resolveMemberVersions(spec: ClusterSpec, clusterVersion: string): Promise<void> {
    const own = [...new Set(spec.members.flatMap((m) => (m.etcdVersion ? [m.etcdVersion] : [])))]
    if (own.length === 0) return
    const errors = validateClusterSpec({ ...spec, etcdVersion: clusterVersion }).filter(
      (issue) => issue.severity === 'error',
    )
    if (errors.length > 0) {
      throw new EngineError('INVALID_SPEC', errors.map((e) => english(e.words)).join(' '), {
        issues: errors,
      })
    }
    for (const version of own) await this.deps.resolveBinary(version)
  }

  /** Restores a new cluster's members from its snapshot; on failure the cluster is deleted. */
  private async restore(runtime: ClusterRuntime, binary: EtcdBinary) {
    try {
      return await this.deps.restorer.restore(runtime, binary)
    } catch (error) {
      const name = runtime.def.name
      this.deps.log.warn({ err: error, cluster: name }, 'restore failed; deleting the new cluster')
      await this.deps
        .discard(name)
        .catch((failure: unknown) =>
          this.deps.log.error(
            { err: failure, cluster: name },
            'could not delete the unrestored cluster',
          ),
        )
      throw error
    }
  }
}
