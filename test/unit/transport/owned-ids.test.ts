import { describe, expect, it } from 'vitest'
import { ownedIds, type OwnedKind } from '../../../src/main/contract/owned-ids'
import { silentLog } from '../../../src/main/log/engine-log'

const A = '00000000-0000-4000-8000-00000000000a'
const B = '00000000-0000-4000-8000-00000000000b'

/** Metrics subscriptions held for one window, with the ids the engine was asked to end. */
function subscriptions(isLive?: (id: string) => boolean) {
  const ended: string[] = []
  const kind: OwnedKind<'metrics:subscribe'> = {
    what: 'a metrics subscription',
    start: 'metrics:subscribe',
    idOf: (value) => value.subscriptionId,
    stop: 'metrics:unsubscribe',
    stopIdOf: (arg) => (arg as { subscriptionId?: string }).subscriptionId,
    end: (id) => {
      ended.push(id)
      return id === B ? Promise.reject(new Error('gone')) : Promise.resolve()
    },
    isLive,
  }
  return { ids: ownedIds(kind, silentLog()), ended }
}

const started = (id: string) => ({
  ok: true as const,
  value: { subscriptionId: id, cluster: 'c', intervalMs: 1000, samples: [] },
})

describe('ownedIds', () => {
  it('lets a window stop only what it started, and ends the rest with it', async () => {
    const { ids, ended } = subscriptions()
    await ids.afterRequest('metrics:subscribe', { cluster: 'c' }, started(A), false)
    expect(ids.isForeignStop('metrics:unsubscribe', { subscriptionId: A })).toBe(false)
    expect(ids.isForeignStop('metrics:unsubscribe', { subscriptionId: B })).toBe(true)
    expect(ids.isForeignStop('keys:unwatch', { subscriptionId: B })).toBe(false)
    // A failed start holds nothing.
    await ids.afterRequest(
      'metrics:subscribe',
      {},
      { ok: false, error: { code: 'CLUSTER_NOT_FOUND', message: 'There is no cluster named c.' } },
      false,
    )
    await ids.close()
    expect(ended).toEqual([A])
  })

  it('lets go of what the window stopped itself, so closing does not end it twice', async () => {
    const { ids, ended } = subscriptions()
    await ids.afterRequest('metrics:subscribe', {}, started(A), false)
    await ids.afterRequest(
      'metrics:unsubscribe',
      { subscriptionId: A },
      { ok: true, value: null },
      false,
    )
    await ids.close()
    expect(ended).toEqual([])
  })

  it('ends at once what started after its window closed; a failed end is logged, not thrown', async () => {
    const { ids, ended } = subscriptions()
    await ids.afterRequest('metrics:subscribe', {}, started(B), true)
    expect(ended).toEqual([B])
    await ids.close()
    expect(ended).toEqual([B])
  })

  it('does not hold what the engine already ended, nor what it forgot', async () => {
    const { ids, ended } = subscriptions((id) => id !== A)
    await ids.afterRequest('metrics:subscribe', {}, started(A), false)
    await ids.afterRequest('metrics:subscribe', {}, started(B), false)
    ids.forget(B)
    await ids.close()
    expect(ended).toEqual([])
  })
})
