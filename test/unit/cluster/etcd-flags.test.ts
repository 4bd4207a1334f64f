import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import type { ClusterDefinition } from '../../../src/shared/cluster'
import type { EtcdLine } from '../../../src/shared/etcd-lines'
import { tutorialMembers } from '../../../src/shared/port-scheme'
import { memberArgs, peerUrlOf } from '../../../src/main/cluster/etcd-flags'
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

const argsOf = (i: number, line: EtcdLine = '3.4'): string[] =>
  memberArgs(def, def.members[i]!, { dataDir: `/data dir/demo/etcd${i + 1}` }, line)

/** The value of `--flag=value` in an args array (every flag is generated in that form). */
const flag = (args: string[], name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)

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

  it('gives every member the same --initial-cluster: each name at its own peer URL', () => {
    const all = [0, 1, 2].map((i) => argsOf(i))
    const expected = all.map((a) => `${flag(a, 'name')}=${flag(a, 'initial-advertise-peer-urls')}`)
    for (const args of all) {
      expect(flag(args, 'initial-cluster')?.split(',')).toEqual(expected)
      expect(flag(args, 'initial-cluster-token')).toBe('demo-abc123')
      expect(flag(args, 'listen-peer-urls')).toBe(flag(args, 'initial-advertise-peer-urls'))
      expect(flag(args, 'listen-client-urls')).toBe(flag(args, 'advertise-client-urls'))
    }
    expect(new Set(all.map((a) => flag(a, 'name')))).toEqual(new Set(['etcd1', 'etcd2', 'etcd3']))
  })

  it('quotes paths with spaces so the command pastes into a shell as exactly these args', () => {
    const command = shellCommand('/usr/bin/etcd', argsOf(0))
    expect(command).toContain("'--data-dir=/data dir/demo/etcd1'")
    // A real shell splits the line back into the same words (printf prints one per line).
    const pasted = shellCommand('printf', ['%s\\n', ...argsOf(0)])
    const words = execFileSync('sh', ['-c', pasted], { encoding: 'utf8' }).split('\n')
    expect(words.slice(0, -1)).toEqual(argsOf(0))
  })

  it('with network faults, listens on the peer port and advertises the proxy', () => {
    const faulty: ClusterDefinition = {
      ...def,
      networkFaults: true,
      members: tutorialMembers(3, 0, true),
    }
    const args = memberArgs(faulty, faulty.members[1]!, { dataDir: '/d' }, '3.5')
    expect(flag(args, 'listen-peer-urls')).toBe('http://127.0.0.1:12380')
    expect(flag(args, 'initial-advertise-peer-urls')).toBe('http://127.0.0.1:13380')
    expect(flag(args, 'initial-cluster')).toBe(
      'etcd1=http://127.0.0.1:3380,etcd2=http://127.0.0.1:13380,etcd3=http://127.0.0.1:23380',
    )
    expect(peerUrlOf({ host: '127.0.0.1' }, faulty.members[1]!)).toBe('http://127.0.0.1:13380')
  })
})
