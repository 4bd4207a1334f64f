import { describe, expect, it } from 'vitest'
import type { ClusterDefinition } from '../../../src/shared/cluster'
import { checkMemberCommands, parseEtcdCommand } from '../../../src/shared/etcd-command-check'
import { tutorialMembers } from '../../../src/shared/port-scheme'
import { initialClusterOf, memberArgs } from '../../../src/main/cluster/etcd-flags'
import { shellCommand } from '../../../src/shared/shell-words'

const def: ClusterDefinition = {
  name: 'demo',
  members: tutorialMembers(3),
  etcdVersion: 'system',
  host: '127.0.0.1',
  token: 'demo-abc123',
  createdAt: '2026-11-24T00:00:00.000Z',
  resolvedVersion: '3.4.23',
}

const argsOf = (i: number, line: '3.4' | '3.5' | '3.6' = '3.4'): string[] =>
  memberArgs(def, def.members[i]!, { dataDir: `/data dir/demo/etcd${i + 1}` }, line)

describe('etcd flags', () => {
  it('builds the tutorial flags for member 2', () => {
    expect(argsOf(1)).toEqual([
      '--name=etcd2',
      '--data-dir=/data dir/demo/etcd2',
      '--listen-client-urls=http://127.0.0.1:12379',
      '--advertise-client-urls=http://127.0.0.1:12379',
      '--listen-peer-urls=http://127.0.0.1:12380',
      '--initial-advertise-peer-urls=http://127.0.0.1:12380',
      '--initial-cluster=etcd1=http://127.0.0.1:2380,etcd2=http://127.0.0.1:12380,etcd3=http://127.0.0.1:22380',
      '--initial-cluster-state=new',
      '--initial-cluster-token=demo-abc123',
      '--logger=zap',
      '--log-outputs=stderr',
    ])
  })

  it('adapts logging flags to the etcd line', () => {
    expect(argsOf(0, '3.6')).toContain('--log-format=json')
    expect(argsOf(0, '3.5')).not.toContain('--log-format=json')
  })

  it('generates commands that pass the --initial-cluster consistency check', () => {
    const commands = [0, 1, 2].map((i) =>
      parseEtcdCommand(shellCommand('/usr/bin/etcd', argsOf(i))),
    )
    expect(checkMemberCommands(commands)).toEqual([])
    expect(initialClusterOf(def).split(',')).toHaveLength(3)
  })

  it('quotes paths with spaces so the command can be pasted into a shell', () => {
    const command = shellCommand('/usr/bin/etcd', argsOf(0))
    expect(command).toContain("'--data-dir=/data dir/demo/etcd1'")
    expect(parseEtcdCommand(command).flags.get('data-dir')).toBe('/data dir/demo/etcd1')
  })
})
