import { z } from 'zod'
import { clusterNameSchema } from './cluster-schema'
import type { MetricsSample, MetricsSubscription } from './metrics'

/** The Metrics tab's requests (part of the contract's requestSchemas). */
export const metricsRequestSchemas = {
  /** Starts (or joins) sampling the cluster for this window; answers with the kept history. */
  'metrics:subscribe': z.strictObject({ cluster: clusterNameSchema }),
  /** Ends one subscription; sampling stops when the cluster has none left. */
  'metrics:unsubscribe': z.strictObject({ subscriptionId: z.string().uuid() }),
  /** The kept history of a cluster (last 15 minutes), without subscribing. */
  'metrics:history': z.strictObject({ cluster: clusterNameSchema }),
} as const

/** What each metrics request returns on success (part of the contract's ResponseMap). */
export interface MetricsResponses {
  'metrics:subscribe': MetricsSubscription
  'metrics:unsubscribe': null
  'metrics:history': MetricsSample[]
}
