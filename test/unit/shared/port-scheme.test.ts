import { describe, expect, it } from 'vitest'
import { CLUSTER_SLOTS, portsOf, tutorialMembers } from '../../../src/shared/port-scheme'

describe('tutorial port scheme', () => {
  it('gives the tutorial ports for the first cluster', () => {
    expect(tutorialMembers(3)).toEqual([
      { name: 'etcd1', clientPort: 2379, peerPort: 2380 },
      { name: 'etcd2', clientPort: 12379, peerPort: 12380 },
      { name: 'etcd3', clientPort: 22379, peerPort: 22380 },
    ])
  })

  it('shifts later clusters so that no two slots share a port', () => {
    const all = [0, 1, 2, 3].flatMap((slot) => portsOf(tutorialMembers(7, slot)))
    expect(new Set(all).size).toBe(all.length)
    expect(Math.max(...all)).toBeLessThanOrEqual(65535)
  })

  it('gives network-fault members a proxy port at peer + 1000', () => {
    expect(tutorialMembers(2, 0, true)).toEqual([
      { name: 'etcd1', clientPort: 2379, peerPort: 2380, proxyPort: 3380 },
      { name: 'etcd2', clientPort: 12379, peerPort: 12380, proxyPort: 13380 },
    ])
    expect(portsOf(tutorialMembers(1, 0, true))).toEqual([2379, 2380, 3380])
  })

  it('never lets a proxy port of one slot meet any port of another slot', () => {
    const all = Array.from({ length: CLUSTER_SLOTS }, (_, slot) =>
      portsOf(tutorialMembers(7, slot, true)),
    ).flat()
    expect(new Set(all).size).toBe(all.length)
    expect(Math.max(...all)).toBeLessThanOrEqual(65535)
  })
})
