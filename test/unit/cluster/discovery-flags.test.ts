/**
 * Discovery flags per etcd line (ETCD-OPS-FACTS §2.1), checked against each line's flag list from
 * etcd's source (test/fixtures/etcd-flags): v2 `--discovery` on 3.4–3.6, v3 endpoints + token on
 * 3.6+, never `--discovery` on 3.7, and never --initial-cluster* together with discovery.
 */
import { describe, expect, it } from 'vitest'
import { memberArgs } from '../../../src/main/cluster/etcd-flags'
import { LINE_DISCOVERY } from '../../../src/main/cluster/discovery-flags'
import type { ClusterDefinition } from '../../../src/shared/cluster'
import { discoveryProtocolFor, type DiscoveryProtocol } from '../../../src/shared/discovery'
import { ETCD_LINES, type EtcdLine } from '../../../src/shared/etcd-lines'
import { tutorialMembers } from '../../../src/shared/port-scheme'
import { flagNamesOf, readFlagFixture } from '../../helpers/member-args-variants'

const VERSION: Record<EtcdLine, string> = {
  '3.4': '3.4.23',
  '3.5': '3.5.16',
  '3.6': '3.6.14',
  '3.7': '3.7.1',
}

function discoveryCluster(line: EtcdLine, protocol: DiscoveryProtocol): ClusterDefinition {
  return {
    name: 'disc',
    members: tutorialMembers(3),
    etcdVersion: VERSION[line],
    host: '127.0.0.1',
    token: 'disc-abc123',
    createdAt: '2026-11-24T00:00:00.000Z',
    resolvedVersion: VERSION[line],
    bootstrap: 'discovery',
    discovery: { protocol, token: 'uuid-1', size: 3, endpoint: 'http://127.0.0.1:41000' },
  }
}

const argsOf = (line: EtcdLine, protocol: DiscoveryProtocol) => {
  const def = discoveryCluster(line, protocol)
  return memberArgs(def, def.members[0]!, { dataDir: '/d' }, line)
}

describe.each(ETCD_LINES)('discovery flags on etcd %s', (line) => {
  const { flags } = readFlagFixture(line)
  const protocols = (['v2', 'v3'] as const).filter((p) => LINE_DISCOVERY[line][p])

  it('the table agrees with the line flag list', () => {
    expect(LINE_DISCOVERY[line].v2).toBe(flags.has('discovery'))
    expect(LINE_DISCOVERY[line].v3).toBe(
      flags.has('discovery-endpoints') && flags.has('discovery-token'),
    )
  })

  it.each(protocols)('%s writes only flags the line registers, without --initial-cluster*', (p) => {
    const names = flagNamesOf(argsOf(line, p))
    expect(names.filter((n) => !flags.has(n))).toEqual([])
    expect(names.filter((n) => n.startsWith('initial-cluster'))).toEqual([])
    expect(names).toContain('discovery-fallback')
    expect(names).toContain(p === 'v2' ? 'discovery' : 'discovery-token')
  })

  it('refuses a protocol the line does not speak', () => {
    for (const p of (['v2', 'v3'] as const).filter((x) => !LINE_DISCOVERY[line][x]))
      expect(() => argsOf(line, p)).toThrow(/cannot bootstrap/)
  })
})

describe('discovery protocol per cluster', () => {
  it('is v3 only when every member runs 3.6 or later', () => {
    expect(discoveryProtocolFor(['3.4'])).toBe('v2')
    expect(discoveryProtocolFor(['3.5', '3.6'])).toBe('v2')
    expect(discoveryProtocolFor(['3.6', '3.7'])).toBe('v3')
  })

  it('gives the exact v2 and v3 arguments', () => {
    expect(argsOf('3.5', 'v2')).toContain(
      '--discovery=http://127.0.0.1:41000/v2/keys/_etcd/registry/uuid-1',
    )
    expect(argsOf('3.7', 'v3')).toEqual(
      expect.arrayContaining([
        '--discovery-endpoints=http://127.0.0.1:41000',
        '--discovery-token=uuid-1',
      ]),
    )
  })

  it('a member added later joins statically', () => {
    const def = discoveryCluster('3.5', 'v2')
    const joined = { ...def.members[0]!, name: 'etcd4', joined: { initialCluster: 'x=http://h:1' } }
    const names = flagNamesOf(memberArgs(def, joined, { dataDir: '/d' }, '3.5'))
    expect(names).toContain('initial-cluster')
    expect(names).not.toContain('discovery')
  })
})
