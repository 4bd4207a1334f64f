import type { z } from 'zod'
import type { requestSchemas, RequestChannel, ResponseMap } from '../../shared/contract'
import type { MetricsResponses } from '../../shared/metrics-requests'
import type { Engine } from '../engine/engine'
import type { MetricsListener } from '../engine/cluster-metrics'

type Handler<C extends RequestChannel> = (
  engine: Engine,
  arg: z.output<(typeof requestSchemas)[C]>,
  caller: { metrics: MetricsListener },
) => Promise<ResponseMap[C]> | ResponseMap[C]

/** For calls that come from no window (tests, tools): samples go nowhere. */
export const NO_METRICS_LISTENER: MetricsListener = () => undefined

/** The Metrics tab's requests mapped onto the engine (spread into the contract's handlers). */
export const metricsHandlers: { [C in keyof MetricsResponses]: Handler<C> } = {
  'metrics:subscribe': (engine, a, caller) => engine.metrics.subscribe(a.cluster, caller.metrics),
  'metrics:unsubscribe': async (engine, a) => {
    await engine.metrics.unsubscribe(a.subscriptionId)
    return null
  },
  'metrics:history': (engine, a) => engine.metrics.history(a.cluster),
}
