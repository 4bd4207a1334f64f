import { describe, expect, it } from 'vitest'
import { clientUrlOf, memberArgs, peerUrlOf } from '../../../src/main/cluster/etcd-flags'
import type { MemberTlsFiles } from '../../../src/main/cluster/etcd-flags'
import type { ClusterDefinition } from '../../../src/shared/cluster'
import { tutorialMembers } from '../../../src/shared/port-scheme'
import {
  memberTlsStage,
  sharesClientPortSafely,
  updatesLearnerSafely,
  type TlsSwitch,
} from '../../../src/shared/tls-switch'

const tls: MemberTlsFiles = {
  ca: '/t/ca.crt',
  serverCert: '/t/server.crt',
  serverKey: '/t/server.key',
  peerCert: '/t/peer.crt',
  peerKey: '/t/peer.key',
}

const plain: ClusterDefinition = {
  name: 'demo',
  members: tutorialMembers(3),
  etcdVersion: 'system',
  host: '127.0.0.1',
  token: 'demo-abc123',
  createdAt: '2026-12-01T00:00:00.000Z',
  resolvedVersion: '3.5.16',
}

/** The cluster in `phase`, etcd1 done with it, etcd2 in progress, etcd3 not begun. */
function during(phase: TlsSwitch['phase'], plainPorts = false): ClusterDefinition {
  return {
    ...plain,
    tls: phase === 'https-only',
    tlsSwitch: { phase, done: ['etcd1'], member: 'etcd2', startedAt: plain.createdAt },
    members: plain.members.map((m, i) => (plainPorts ? { ...m, plainClientPort: 40001 + i } : m)),
  }
}

const flag = (args: string[], name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
const argsOf = (def: ClusterDefinition, i: number) =>
  memberArgs(def, def.members[i]!, { dataDir: '/d', tls }, '3.5')

describe('a TLS switch: stages, URLs and flags of each member', () => {
  it('moves a member to the next stage once it is in progress or done', () => {
    const stages = (def: ClusterDefinition) => def.members.map((m) => memberTlsStage(def, m))
    expect(stages(plain)).toEqual(['plain', 'plain', 'plain'])
    expect(stages(during('material'))).toEqual(['material', 'material', 'plain'])
    expect(stages(during('peers'))).toEqual(['peer', 'peer', 'material'])
    expect(stages(during('https-only'))).toEqual(['tls', 'tls', 'peer'])
    expect(stages({ ...plain, tls: true })).toEqual(['tls', 'tls', 'tls'])
  })

  it('serves https next to http on the client port, certificates on, peers still http (phase 1)', () => {
    const def = during('material')
    const args = argsOf(def, 0)
    expect(flag(args, 'listen-client-urls')).toBe('http://127.0.0.1:2379,https://127.0.0.1:2379')
    expect(flag(args, 'advertise-client-urls')).toBe('http://127.0.0.1:2379')
    expect(flag(args, 'listen-peer-urls')).toBe('http://127.0.0.1:2380')
    expect(flag(args, 'cert-file')).toBe(tls.serverCert)
    expect(flag(args, 'peer-cert-file')).toBe(tls.peerCert)
    // A member not begun yet has no certificates.
    expect(flag(argsOf(def, 2), 'cert-file')).toBeUndefined()
    expect(flag(argsOf(def, 2), 'listen-client-urls')).toBe('http://127.0.0.1:22379')
  })

  it('moves plain http to a port of its own where one port cannot serve both', () => {
    const def = during('material', true)
    const args = argsOf(def, 0)
    expect(flag(args, 'listen-client-urls')).toBe('https://127.0.0.1:2379,http://127.0.0.1:40001')
    expect(clientUrlOf(def, def.members[0]!)).toBe('http://127.0.0.1:40001')
    // etcd3 has not begun: its http stays on its client port.
    expect(clientUrlOf(def, def.members[2]!)).toBe('http://127.0.0.1:22379')
  })

  it('advertises https peer URLs from phase 2 on, in --initial-cluster too', () => {
    const def = during('peers')
    expect(peerUrlOf(def, def.members[1]!)).toBe('https://127.0.0.1:12380')
    expect(peerUrlOf(def, def.members[2]!)).toBe('http://127.0.0.1:22380')
    const args = argsOf(def, 1)
    expect(flag(args, 'listen-peer-urls')).toBe('https://127.0.0.1:12380')
    expect(flag(args, 'initial-cluster')).toBe(
      'etcd1=https://127.0.0.1:2380,etcd2=https://127.0.0.1:12380,etcd3=http://127.0.0.1:22380',
    )
  })

  it('switches clients to https in phase 3 and drops http from members done with it', () => {
    const def = during('https-only', true)
    expect(def.members.map((m) => clientUrlOf(def, m))).toEqual([
      'https://127.0.0.1:2379',
      'https://127.0.0.1:12379',
      'https://127.0.0.1:22379',
    ])
    expect(flag(argsOf(def, 0), 'listen-client-urls')).toBe('https://127.0.0.1:2379')
    expect(flag(argsOf(def, 2), 'listen-client-urls')).toBe(
      'https://127.0.0.1:22379,http://127.0.0.1:40003',
    )
  })
})

describe('etcd versions and the TLS switch', () => {
  it('knows where one port serves http and https safely (fixed in 3.4.25 and 3.5.8)', () => {
    expect(['3.4.23', '3.4.24', '3.5.0', '3.5.7'].map(sharesClientPortSafely)).toEqual([
      false,
      false,
      false,
      false,
    ])
    expect(['3.4.25', '3.5.8', '3.5.16', '3.6.0', '3.7.3'].every(sharesClientPortSafely)).toBe(true)
  })

  it('knows where member update keeps a learner a learner (3.5.31, 3.6.12; never on 3.4)', () => {
    expect(['3.4.45', '3.5.16', '3.5.30', '3.6.11'].map(updatesLearnerSafely)).toEqual([
      false,
      false,
      false,
      false,
    ])
    expect(['3.5.31', '3.6.12', '3.7.0'].every(updatesLearnerSafely)).toBe(true)
  })
})
