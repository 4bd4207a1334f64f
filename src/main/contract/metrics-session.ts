import { requestSchemas, type RequestChannel, type ResponseMap } from '../../shared/contract'
import type { Result } from '../../shared/result'
import type { MetricsListener } from '../engine/cluster-metrics'
import type { Engine } from '../engine/engine'
import type { PushSink } from './push-bridge'

/** The metrics subscriptions one window holds: its samples go to it, and they end with it. */
export interface MetricsSession {
  /** Where the window's samples go. */
  listener: MetricsListener
  /** True for an unsubscribe of a subscription this window does not hold: answer without acting. */
  isForeignUnsubscribe(channel: RequestChannel, arg: unknown): boolean
  /** Records a subscription the window made (or ends it when the window closed meanwhile). */
  afterRequest(channel: RequestChannel, result: Result<unknown>, isClosed: boolean): Promise<void>
  /** Ends every subscription the window holds. */
  close(): Promise<void>
}

/**
 * Opens the metrics side of a client session. Why per window: sampling runs only while a window
 * shows the Metrics tab; a window that reloads or drops without unsubscribing must not leave its
 * cluster sampled for ever.
 */
export function openMetricsSession(engine: Engine, push: PushSink): MetricsSession {
  const held = new Set<string>()
  const log = engine.log.child({ module: 'session' })
  const end = async (subscriptionId: string): Promise<void> => {
    held.delete(subscriptionId)
    try {
      await engine.metrics.unsubscribe(subscriptionId)
    } catch (error) {
      log.warn({ err: error, subscriptionId }, 'ending a metrics subscription failed')
    }
  }
  return {
    listener: (batch) => push('metrics:samples', batch),
    isForeignUnsubscribe(channel, arg) {
      if (channel !== 'metrics:unsubscribe') return false
      // Security: a window ends only its own subscriptions; any other id is already "ended".
      const parsed = requestSchemas['metrics:unsubscribe'].safeParse(arg)
      return parsed.success && !held.has(parsed.data.subscriptionId)
    },
    async afterRequest(channel, result, isClosed) {
      if (channel !== 'metrics:subscribe' || !result.ok) return
      const { subscriptionId } = result.value as ResponseMap['metrics:subscribe']
      if (isClosed) await end(subscriptionId)
      else held.add(subscriptionId)
    },
    async close() {
      await Promise.all([...held].map(end))
    },
  }
}
