import { describe, expect, it } from 'vitest'
import { english } from '../../../src/main/words/english'
import { tutorialMembers } from '../../../src/shared/port-scheme'
import {
  hasErrors,
  validateAgainstClusters,
  validateClusterSpec,
  type SpecIssue,
} from '../../../src/shared/validate-cluster-spec'
import { tutorialSpec } from '../../helpers/tutorial-spec'

/** An issue's message as the engine writes it (English, from its words). */
const text = (issue: SpecIssue | undefined): string | undefined =>
  issue ? english(issue.words) : undefined

const spec = tutorialSpec

describe('validateClusterSpec', () => {
  it('accepts the tutorial cluster', () => {
    expect(validateClusterSpec(spec())).toEqual([])
  })

  it('warns (but does not block) on even member counts', () => {
    const issues = validateClusterSpec(spec({ members: tutorialMembers(4) }))
    expect(hasErrors(issues)).toBe(false)
    expect(issues).toHaveLength(1)
    expect(issues[0]?.severity).toBe('warning')
    expect(text(issues[0])).toContain('quorum is 3')
  })

  it('rejects 0 and 8 members', () => {
    expect(hasErrors(validateClusterSpec(spec({ members: [] })))).toBe(true)
    const eight = tutorialMembers(7).concat({ name: 'x', clientPort: 5000, peerPort: 5001 })
    expect(text(validateClusterSpec(spec({ members: eight }))[0])).toContain('1 to 7')
  })

  it('names the member and field of a port out of range', () => {
    const members = tutorialMembers(3)
    members[1] = { ...members[1]!, peerPort: 80 }
    const [issue] = validateClusterSpec(spec({ members }))
    expect(issue).toMatchObject({ path: 'members[1].peerPort', member: 'etcd2' })
    expect(text(issue)).toContain('80')
    members[1] = { ...members[1], peerPort: 70000 }
    expect(text(validateClusterSpec(spec({ members }))[0])).toContain('70000')
  })

  it('rejects names that would break --initial-cluster', () => {
    const members = tutorialMembers(2)
    members[0] = { ...members[0]!, name: 'a=b' }
    members[1] = { ...members[1]!, name: 'c,d' }
    const issues = validateClusterSpec(spec({ members }))
    expect(issues.filter((i) => i.path.endsWith('.name'))).toHaveLength(2)
    expect(validateClusterSpec(spec({ name: 'Bad Name' }))[0]?.path).toBe('name')
    expect(validateClusterSpec(spec({ name: '../x' }))[0]?.path).toBe('name')
  })

  it('rejects duplicate names and ports, naming both owners', () => {
    const members = tutorialMembers(3)
    members[2] = { name: 'etcd1', clientPort: 2380, peerPort: 22380 }
    const messages = validateClusterSpec(spec({ members })).map((i) => english(i.words))
    expect(messages.some((m) => m.includes('"etcd1" is used by members #1 and #3'))).toBe(true)
    expect(
      messages.some((m) => m.includes('Port 2380 is used twice: etcd1 peer and etcd1 client')),
    ).toBe(true)
  })

  it('requires a proxy port on every member iff network faults are on', () => {
    expect(
      validateClusterSpec(spec({ networkFaults: true, members: tutorialMembers(3, 0, true) })),
    ).toEqual([])
    const missing = validateClusterSpec(spec({ networkFaults: true }))
    expect(missing.map((i) => i.path)).toEqual([
      'members[0].proxyPort',
      'members[1].proxyPort',
      'members[2].proxyPort',
    ])
    expect(text(missing[0])).toContain('etcd1 needs a proxy port')
    const stray = validateClusterSpec(spec({ members: tutorialMembers(3, 0, true) }))
    expect(text(stray[0])).toContain('the cluster has no network faults')
  })

  it('checks proxy ports for range and duplicates like the others', () => {
    const members = tutorialMembers(3, 0, true)
    members[0] = { ...members[0]!, proxyPort: 80 }
    members[2] = { ...members[2]!, proxyPort: 12380 }
    const messages = validateClusterSpec(spec({ networkFaults: true, members })).map((i) =>
      english(i.words),
    )
    expect(messages).toContain('Member etcd1: proxy port 80 is outside 1024–65535.')
    expect(messages).toContain('Port 12380 is used twice: etcd2 peer and etcd3 proxy.')
  })

  it('rejects bad versions and hosts', () => {
    expect(validateClusterSpec(spec({ etcdVersion: '2.3.1' }))[0]?.path).toBe('etcdVersion')
    expect(validateClusterSpec(spec({ host: '0.0.0.0.0' }))[0]?.path).toBe('host')
  })
})

describe('validateAgainstClusters', () => {
  it('refuses a taken name and ports of saved clusters, naming member and cluster', () => {
    const saved = [{ name: 'first', members: tutorialMembers(3) }]
    const issues = validateAgainstClusters(spec({ name: 'first' }), saved)
    expect(issues.map((i) => i.path)).toContain('name')
    expect(issues.filter((i) => i.path.startsWith('members'))).toHaveLength(6)
    expect(text(issues.find((i) => i.path === 'members[1].peerPort'))).toBe(
      'Port 12380 of member etcd2 is already used by cluster first.',
    )
    expect(
      validateAgainstClusters(spec({ name: 'second', members: tutorialMembers(3, 1) }), saved),
    ).toEqual([])
  })

  it('refuses a port that is a proxy port of a saved cluster', () => {
    const saved = [{ name: 'faulty', members: tutorialMembers(1, 0, true) }]
    const members = [{ name: 'etcd1', clientPort: 3379, peerPort: 3380 }]
    const [issue] = validateAgainstClusters(spec({ name: 'other', members }), saved)
    expect(text(issue)).toBe('Port 3380 of member etcd1 is already used by cluster faulty.')
  })
})
