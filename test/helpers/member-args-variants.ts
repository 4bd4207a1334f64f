import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { memberArgs } from '../../src/main/cluster/etcd-flags'
import type { ClusterDefinition, MemberDefinition } from '../../src/shared/cluster'
import type { EtcdLine } from '../../src/shared/etcd-lines'
import { tutorialMembers } from '../../src/shared/port-scheme'

/** One way a member can be started, and the arguments memberArgs writes for it. */
export interface ArgsVariant {
  label: string
  args: string[]
}

/** A 3-member cluster definition whose etcd is `version`. */
function clusterOn(version: string, extra: Partial<ClusterDefinition> = {}): ClusterDefinition {
  return {
    name: 'flags',
    members: tutorialMembers(3),
    etcdVersion: version,
    host: '127.0.0.1',
    token: 'flags-abc123',
    createdAt: '2026-11-24T00:00:00.000Z',
    resolvedVersion: version,
    ...extra,
  }
}

/**
 * memberArgs for every kind of member etcd Desk starts on `line` (running `version`): plain,
 * with a space quota, joined to a running cluster, a learner, behind a fault proxy, in a mixed
 * cluster, and asked for --next-cluster-version-compatible (a 3.4 member of a 3.5 cluster going
 * down). Together they produce every flag memberArgs can write.
 */
export function memberArgsVariants(line: EtcdLine, version: string): ArgsVariant[] {
  const plain = clusterOn(version)
  const faults = clusterOn(version, { networkFaults: true, members: tutorialMembers(3, 0, true) })
  const quota = clusterOn(version, { quotaBackendBytes: 16 * 1024 * 1024 })
  const joined: MemberDefinition = {
    name: 'etcd4',
    clientPort: 32379,
    peerPort: 32380,
    joined: { initialCluster: 'etcd1=http://127.0.0.1:2380,etcd4=http://127.0.0.1:32380' },
    isLearner: true,
  }
  const mixed = clusterOn('3.5.16', { members: [{ ...plain.members[0]!, etcdVersion: version }] })
  const downgrading = { ...plain.members[1]!, nextClusterVersionCompatible: true }
  const variants: [string, ClusterDefinition, MemberDefinition][] = [
    ['plain', plain, plain.members[0]!],
    ['space quota', quota, quota.members[2]!],
    ['joined learner', { ...plain, members: [...plain.members, joined] }, joined],
    ['fault proxy', faults, faults.members[1]!],
    ['mixed-version member', mixed, mixed.members[0]!],
    ['next-cluster-version-compatible', plain, downgrading],
  ]
  return variants.map(([label, def, member]) => ({
    label,
    args: memberArgs(def, member, { dataDir: `/data dir/flags/${member.name}` }, line),
  }))
}

/** The flag names ("listen-client-urls") of `--name=value` arguments. */
export function flagNamesOf(args: readonly string[]): string[] {
  return args.map((arg) => {
    const match = /^--([a-z0-9-]+)(=|$)/.exec(arg)
    if (!match) throw new Error(`not a --flag=value argument: ${arg}`)
    return match[1]!
  })
}

/** One line's flag list, taken from that line's etcd source (test/fixtures/etcd-flags). */
export interface FlagFixture {
  /** The header: the tag and the source files the names come from. */
  source: string
  flags: ReadonlySet<string>
}

/** Reads test/fixtures/etcd-flags/<line>.txt: comment lines start with "#", then a name a line. */
export function readFlagFixture(line: EtcdLine): FlagFixture {
  const file = fileURLToPath(new URL(`../fixtures/etcd-flags/${line}.txt`, import.meta.url))
  const lines = readFileSync(file, 'utf8').split('\n')
  const names = lines.map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'))
  return { source: lines[0] ?? '', flags: new Set(names) }
}
