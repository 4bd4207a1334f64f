import { describe, expect, it } from 'vitest'
import { memberArgs } from '../../../src/main/cluster/etcd-flags'
import {
  alarmCommand,
  compactCommand,
  defragCommands,
  hashKvCommand,
  snapshotRestoreCommands,
  snapshotSaveCommand,
  snapshotStatusCommand,
  usesEtcdutl,
  type TwinContext,
} from '../../../src/shared/maintenance-commands'
import type { ClusterDefinition } from '../../../src/shared/cluster'
import { tutorialMembers } from '../../../src/shared/port-scheme'

const members = [
  { name: 'etcd1', clientUrl: 'http://127.0.0.1:2379' },
  { name: 'etcd2', clientUrl: 'http://127.0.0.1:12379' },
  { name: 'etcd3', clientUrl: 'http://127.0.0.1:22379' },
]
const ALL = members.map((m) => m.clientUrl).join(',')
const on34: TwinContext = {
  version: '3.4.23',
  etcdctl: '/usr/bin/etcdctl',
  etcdctlTls: [],
  etcdutl: null,
  members,
  leader: 'etcd1',
}
const on35: TwinContext = {
  ...on34,
  version: '3.5.16',
  etcdctl: '/r/v3.5.16/etcdctl',
  etcdctlTls: [],
  etcdutl: '/r/v3.5.16/etcdutl',
}
const targets = [
  { name: 'etcd1', peerUrl: 'http://127.0.0.1:2382', dataDir: '/d/new/etcd1/data' },
  { name: 'etcd2', peerUrl: 'http://127.0.0.1:12382', dataDir: '/d/new/etcd2/data' },
]

describe('maintenance twins', () => {
  it('restores with etcdctl on 3.4 and etcdutl from 3.5, each member with its own flags', () => {
    expect([usesEtcdutl('3.4.23'), usesEtcdutl('3.5.0'), usesEtcdutl('3.6.1')]).toEqual([
      false,
      true,
      true,
    ])
    const cluster = 'etcd1=http://127.0.0.1:2382,etcd2=http://127.0.0.1:12382'
    expect(snapshotRestoreCommands(on34, '/s/a.db', targets, 'new-abc')).toEqual([
      `/usr/bin/etcdctl snapshot restore /s/a.db --name=etcd1 --initial-cluster=${cluster} --initial-cluster-token=new-abc --initial-advertise-peer-urls=http://127.0.0.1:2382 --data-dir=/d/new/etcd1/data`,
      `/usr/bin/etcdctl snapshot restore /s/a.db --name=etcd2 --initial-cluster=${cluster} --initial-cluster-token=new-abc --initial-advertise-peer-urls=http://127.0.0.1:12382 --data-dir=/d/new/etcd2/data`,
    ])
    expect(snapshotRestoreCommands(on35, '/s/a.db', targets, 't')[0]).toMatch(
      /^\/r\/v3\.5\.16\/etcdutl snapshot restore \/s\/a\.db --name=etcd1 /,
    )
    expect(snapshotStatusCommand(on34, '/s/a.db')).toBe(
      '/usr/bin/etcdctl snapshot status /s/a.db -w table',
    )
    expect(snapshotStatusCommand(on35, '/s/a.db')).toBe(
      '/r/v3.5.16/etcdutl snapshot status /s/a.db -w table',
    )
  })

  it('saves a snapshot from the one member chosen', () => {
    expect(snapshotSaveCommand(on34, 'etcd2', '/s/b.db')).toBe(
      '/usr/bin/etcdctl --endpoints=http://127.0.0.1:12379 snapshot save /s/b.db',
    )
  })

  it('defragments one endpoint at a time, followers first and the leader last', () => {
    expect(defragCommands({ ...on34, leader: 'etcd2' })).toEqual([
      '/usr/bin/etcdctl --endpoints=http://127.0.0.1:2379 defrag',
      '/usr/bin/etcdctl --endpoints=http://127.0.0.1:22379 defrag',
      '/usr/bin/etcdctl --endpoints=http://127.0.0.1:12379 defrag',
    ])
  })

  it('compacts, lists and disarms alarms and compares hashes against every endpoint', () => {
    expect(compactCommand(on34, '42')).toBe(
      `/usr/bin/etcdctl --endpoints=${ALL} compact 42 --physical`,
    )
    expect(compactCommand(on34, null)).toBe(
      `/usr/bin/etcdctl --endpoints=${ALL} compact '<revision>' --physical`,
    )
    expect(alarmCommand(on34, 'list')).toBe(`/usr/bin/etcdctl --endpoints=${ALL} alarm list`)
    expect(alarmCommand(on35, 'disarm')).toBe(`/r/v3.5.16/etcdctl --endpoints=${ALL} alarm disarm`)
    expect(hashKvCommand(on34)).toBe(
      `/usr/bin/etcdctl --endpoints=${ALL} endpoint hashkv --cluster -w table`,
    )
  })

  it('starts members with --quota-backend-bytes only when the cluster has a quota', () => {
    const def: ClusterDefinition = {
      name: 'tiny',
      members: tutorialMembers(1),
      etcdVersion: 'system',
      host: '127.0.0.1',
      token: 'tiny-1',
      createdAt: '2026-12-01T00:00:00.000Z',
      resolvedVersion: '3.4.23',
    }
    const member = def.members[0]!
    expect(memberArgs(def, member, { dataDir: '/d' }, '3.4').join(' ')).not.toContain('quota')
    const quota = { ...def, quotaBackendBytes: 1048576 }
    expect(memberArgs(quota, member, { dataDir: '/d' }, '3.5')).toContain(
      '--quota-backend-bytes=1048576',
    )
  })
})
