import { describe, expect, it } from 'vitest'
import type { MemberFaults } from '../../../src/shared/cluster'
import { linkPolicy, NO_FAULTS } from '../../../src/main/faults/link-policy'

const faults = (set: Record<string, Partial<MemberFaults>>) => (member: string) => ({
  ...NO_FAULTS,
  ...set[member],
})

describe('linkPolicy (sender → member behind the proxy)', () => {
  it('lets everything through without faults', () => {
    expect(linkPolicy(faults({}), 'etcd1', 'etcd2')).toEqual({ isBlocked: false, delayMs: 0 })
    expect(linkPolicy(faults({}), null, 'etcd2')).toEqual({ isBlocked: false, delayMs: 0 })
  })

  it('blocks every link to and from an isolated member, and only those', () => {
    const isolated = faults({ etcd2: { isolated: true } })
    expect(linkPolicy(isolated, 'etcd1', 'etcd2').isBlocked).toBe(true)
    expect(linkPolicy(isolated, 'etcd2', 'etcd1').isBlocked).toBe(true)
    expect(linkPolicy(isolated, 'etcd2', 'etcd3').isBlocked).toBe(true)
    expect(linkPolicy(isolated, 'etcd1', 'etcd3').isBlocked).toBe(false)
    expect(linkPolicy(isolated, 'etcd3', 'etcd1').isBlocked).toBe(false)
  })

  it('blocks an unknown sender only at the isolated member’s own proxy', () => {
    const isolated = faults({ etcd2: { isolated: true } })
    expect(linkPolicy(isolated, null, 'etcd2').isBlocked).toBe(true)
    expect(linkPolicy(isolated, null, 'etcd1').isBlocked).toBe(false)
  })

  it('delays links to or from a slow member, adding both ends', () => {
    const slow = faults({ etcd1: { latencyMs: 200 }, etcd3: { latencyMs: 50 } })
    expect(linkPolicy(slow, 'etcd2', 'etcd1').delayMs).toBe(200)
    expect(linkPolicy(slow, 'etcd1', 'etcd2').delayMs).toBe(200)
    expect(linkPolicy(slow, 'etcd1', 'etcd3').delayMs).toBe(250)
    expect(linkPolicy(slow, null, 'etcd2').delayMs).toBe(0)
    expect(linkPolicy(slow, null, 'etcd1').delayMs).toBe(200)
  })
})
