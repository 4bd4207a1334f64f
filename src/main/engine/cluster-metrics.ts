import { randomUUID } from 'node:crypto'
import {
  MAX_METRICS_SAMPLES,
  METRICS_INTERVAL_MS,
  type MetricsBatch,
  type MetricsSample,
  type MetricsSubscription,
} from '../../shared/metrics'
import { EngineError } from '../errors/engine-error'
import type { EngineLog } from '../log/engine-log'
import { ClusterSampler } from '../metrics/cluster-sampler'
import type { WatchedSource } from '../metrics/metrics-sources'
import { SampleRing } from '../metrics/sample-ring'

/** Where a window's samples go. */
export type MetricsListener = (batch: MetricsBatch) => void

/** What the metrics need of the engine. */
export interface ClusterMetricsDeps {
  /** The cluster's source; throws CLUSTER_NOT_FOUND when there is no such cluster or connection. */
  sourceOf: (cluster: string) => WatchedSource
  log: EngineLog
  /** The sampling interval (tests and the bench may shorten it). */
  intervalMs?: number
}

/** One cluster being sampled: its sampler, its timer and the windows that watch it. */
interface Sampling {
  watched: WatchedSource
  sampler: ClusterSampler
  listeners: Map<string, MetricsListener>
  timer: NodeJS.Timeout | null
  round: Promise<void> | null
  unwatch: () => void
}

/**
 * The Metrics tab's sampling. A cluster is sampled only while at least one window subscribes
 * (ref-counted per cluster) and it has something to read: its timer is owned here and cancelled
 * when the last window leaves, when the cluster stops (resumed when it starts again), when it is
 * deleted and when the engine closes. The last 15 minutes stay in memory per cluster, so a tab
 * opened again shows what was seen before at once.
 */
export class ClusterMetrics {
  private readonly rings = new Map<string, SampleRing<MetricsSample>>()
  private readonly samplings = new Map<string, Sampling>()
  private readonly clusterOf = new Map<string, string>()
  private readonly intervalMs: number
  private isClosed = false

  constructor(private readonly deps: ClusterMetricsDeps) {
    this.intervalMs = deps.intervalMs ?? METRICS_INTERVAL_MS
  }

  /** Starts (or joins) sampling `cluster` for one window; answers with the kept history. */
  subscribe(cluster: string, listener: MetricsListener): MetricsSubscription {
    if (this.isClosed) throw new EngineError('ENGINE_CLOSED', 'etcd Desk is shutting down.')
    let sampling = this.samplings.get(cluster)
    if (!sampling) {
      const watched = this.deps.sourceOf(cluster)
      const log = this.deps.log.child({ cluster })
      sampling = {
        watched,
        sampler: new ClusterSampler(cluster, watched.source, log),
        listeners: new Map(),
        timer: null,
        round: null,
        unwatch: () => undefined,
      }
      const owned = sampling
      sampling.unwatch = watched.watch(() => this.reschedule(cluster, owned))
      this.samplings.set(cluster, sampling)
      this.deps.log.info({ cluster }, 'metrics sampling starts')
    }
    const subscriptionId = randomUUID()
    sampling.listeners.set(subscriptionId, listener)
    this.clusterOf.set(subscriptionId, cluster)
    this.reschedule(cluster, sampling)
    return { subscriptionId, cluster, intervalMs: this.intervalMs, samples: this.history(cluster) }
  }

  /** Ends one subscription; the cluster's sampling stops with its last. Unknown ids do nothing. */
  async unsubscribe(subscriptionId: string): Promise<void> {
    const cluster = this.clusterOf.get(subscriptionId)
    this.clusterOf.delete(subscriptionId)
    const sampling = cluster === undefined ? undefined : this.samplings.get(cluster)
    if (!cluster || !sampling) return
    sampling.listeners.delete(subscriptionId)
    if (sampling.listeners.size === 0) await this.stopSampling(cluster, sampling)
  }

  /** The kept samples of a cluster, oldest first (CLUSTER_NOT_FOUND for an unknown one). */
  history(cluster: string): MetricsSample[] {
    if (!this.samplings.has(cluster)) this.deps.sourceOf(cluster)
    return this.rings.get(cluster)?.toArray() ?? []
  }

  /** True while `cluster` has a sampling timer pending or a round in flight; for tests. */
  isSampling(cluster: string): boolean {
    const sampling = this.samplings.get(cluster)
    return Boolean(sampling && (sampling.timer || sampling.round))
  }

  /** A deleted cluster (or a closed connection): sampling stopped, history dropped. */
  async forget(cluster: string): Promise<void> {
    const sampling = this.samplings.get(cluster)
    if (sampling) await this.stopSampling(cluster, sampling)
    this.rings.delete(cluster)
  }

  /** Engine close: every sampling stopped, later subscriptions refused. */
  async closeAll(): Promise<void> {
    this.isClosed = true
    await Promise.all([...this.samplings].map(([c, s]) => this.stopSampling(c, s)))
  }

  /** Runs or pauses the cluster's timer after a change: runs while watched and active. */
  private reschedule(cluster: string, sampling: Sampling): void {
    if (this.samplings.get(cluster) !== sampling) return
    const shouldRun = sampling.listeners.size > 0 && sampling.watched.isActive()
    if (!shouldRun && sampling.timer) {
      clearTimeout(sampling.timer)
      sampling.timer = null
    }
    if (shouldRun && !sampling.timer && !sampling.round) this.schedule(cluster, sampling, 0)
  }

  private schedule(cluster: string, sampling: Sampling, delayMs: number): void {
    sampling.timer = setTimeout(() => {
      sampling.timer = null
      sampling.round = this.runRound(cluster, sampling)
        .catch((error: unknown) =>
          this.deps.log.error({ cluster, err: error }, 'a metrics round failed'),
        )
        .finally(() => {
          sampling.round = null
          this.reschedule(cluster, sampling)
        })
    }, delayMs)
    // Sampling alone must not keep the engine's process alive.
    sampling.timer.unref()
  }

  private async runRound(cluster: string, sampling: Sampling): Promise<void> {
    const started = Date.now()
    const sample = await sampling.sampler.sample()
    if (this.samplings.get(cluster) !== sampling) return
    let ring = this.rings.get(cluster)
    if (!ring) this.rings.set(cluster, (ring = new SampleRing(MAX_METRICS_SAMPLES)))
    ring.push(sample)
    const batch: MetricsBatch = { cluster, samples: [sample] }
    for (const listener of sampling.listeners.values()) listener(batch)
    // The next round starts one interval after this one started (rounds never overlap).
    const wait = Math.max(0, this.intervalMs - (Date.now() - started))
    if (sampling.listeners.size > 0 && sampling.watched.isActive() && !sampling.timer) {
      this.schedule(cluster, sampling, wait)
    }
  }

  private async stopSampling(cluster: string, sampling: Sampling): Promise<void> {
    if (this.samplings.get(cluster) === sampling) this.samplings.delete(cluster)
    for (const id of sampling.listeners.keys()) this.clusterOf.delete(id)
    sampling.listeners.clear()
    sampling.unwatch()
    if (sampling.timer) clearTimeout(sampling.timer)
    sampling.timer = null
    await sampling.round
    sampling.sampler.close()
    this.deps.log.info({ cluster }, 'metrics sampling stops')
  }
}
