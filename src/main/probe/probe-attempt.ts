import { performance } from 'node:perf_hooks'
import { EtcdLeaseInvalidError, type Etcd3 } from 'etcd3'
import { probeKeyOf } from '../../shared/probe'
import { messageOf, type ProbeLease } from './probe-lease'
import { isDroppedProposal, isUnavailable, retryWithin } from './probe-retry'

/** A client endpoint the probe writes through: a voting member and its client URL. */
export interface ProbeEndpoint {
  member: string
  clientUrl: string
}

/** How one attempt ended. */
export type AttemptOutcome = { isOk: true; latencyMs: number } | { isOk: false; error: string }

/**
 * One write of the probe through one member: a put of its key (with the probe's lease), then a
 * linearizable get of it, which must read what was written. The latency is the put+get round
 * trip. Never throws: a failure comes back in etcd's words, naming the member and the step.
 * Like etcd's Go client, the read is retried on UNAVAILABLE; the lease grant and the put only
 * when etcd dropped the proposal (never applied), as a timed-out write may have been.
 */
export async function runAttempt(
  endpoint: ProbeEndpoint,
  client: Etcd3,
  lease: ProbeLease,
  seq: number,
): Promise<AttemptOutcome> {
  const key = probeKeyOf(endpoint.member)
  const value = `${seq} ${new Date().toISOString()}`
  let step = 'lease grant'
  try {
    const leaseId = await retryWithin(() => lease.idFor(client), isDroppedProposal)
    const started = performance.now()
    step = 'put'
    try {
      await retryWithin(() => client.put(key).value(value).lease(leaseId).exec(), isDroppedProposal)
    } catch (error) {
      // etcd forgot the lease (expired while no member answered): the next attempt grants anew.
      if (error instanceof EtcdLeaseInvalidError) lease.invalidate(leaseId)
      throw error
    }
    step = 'get'
    const read = await retryWithin(() => client.get(key).string(), isUnavailable)
    const latencyMs = performance.now() - started
    if (read !== value) {
      return failure(
        endpoint,
        'get',
        `read ${JSON.stringify(read)}, wrote ${JSON.stringify(value)}`,
      )
    }
    return { isOk: true, latencyMs }
  } catch (error) {
    return failure(endpoint, step, messageOf(error))
  }
}

function failure(endpoint: ProbeEndpoint, step: string, message: string): AttemptOutcome {
  return { isOk: false, error: `${endpoint.member}: ${step} failed: ${message}` }
}
