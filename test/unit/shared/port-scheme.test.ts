import { describe, expect, it } from 'vitest'
import { portsOf, tutorialMembers } from '../../../src/shared/port-scheme'

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
})
