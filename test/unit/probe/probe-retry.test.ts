import { GRPCUnavailableError, GRPCUnknownError } from 'etcd3'
import { describe, expect, it } from 'vitest'
import { isDroppedProposal, isUnavailable, retryWithin } from '../../../src/main/probe/probe-retry'

/** A call that fails with `error` its first `failures` times, then answers 'ok'. */
function failingFirst(failures: number, error: Error) {
  let calls = 0
  const call = () => (++calls <= failures ? Promise.reject(error) : Promise.resolve('ok'))
  return { call, calls: () => calls }
}

describe('the write probe retries', () => {
  it('tells a dropped proposal and UNAVAILABLE from other errors', () => {
    expect(isDroppedProposal(new GRPCUnknownError('raft proposal dropped'))).toBe(true)
    expect(isDroppedProposal(new GRPCUnknownError('etcdserver: request timed out'))).toBe(false)
    expect(isUnavailable(new GRPCUnavailableError('etcdserver: leader changed'))).toBe(true)
    expect(isUnavailable(new GRPCUnknownError('etcdserver: leader changed'))).toBe(false)
  })

  it('sends a call again while etcd answers with a retryable error', async () => {
    const leaderMoving = failingFirst(3, new GRPCUnavailableError('etcdserver: leader changed'))
    await expect(retryWithin(leaderMoving.call, isUnavailable)).resolves.toBe('ok')
    expect(leaderMoving.calls()).toBe(4)
  })

  it('never retries another error: a timed-out write may have been applied', async () => {
    const timedOut = failingFirst(1, new GRPCUnknownError('etcdserver: request timed out'))
    await expect(retryWithin(timedOut.call, isDroppedProposal)).rejects.toThrow('timed out')
    expect(timedOut.calls()).toBe(1)
  })

  it('gives up after one call deadline with the last error', async () => {
    const forever = failingFirst(Infinity, new GRPCUnknownError('raft proposal dropped'))
    await expect(retryWithin(forever.call, isDroppedProposal)).rejects.toThrow('dropped')
    expect(forever.calls()).toBeGreaterThan(1)
  })
})
