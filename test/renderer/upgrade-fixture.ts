import type { ClusterStatus, ClusterView } from '../../src/shared/cluster'
import { lineOf } from '../../src/shared/etcd-lines'
import type { UpgradeChoices, UpgradeReport, VersionOption } from '../../src/shared/upgrade'
import { judgeVersionChange } from '../../src/shared/version-paths'
import { clusterStatus, clusterView } from './fixtures'

/** Versions the fake engine knows, newest first; only 3.4.23 (the system etcd) is installed. */
const KNOWN_VERSIONS = ['3.6.16', '3.5.33', '3.5.16', '3.4.45', '3.4.23']

/** Cluster demo (3 running members) with each member on the version given, in order. */
export function versionedView(versions: string[]): ClusterView {
  const base = clusterView('demo')
  return {
    ...base,
    definition: { ...base.definition, resolvedVersion: versions[0] ?? '3.4.23' },
    members: base.members.map((m, i) => ({ ...m, etcdVersion: versions[i] ?? '3.4.23' })),
  }
}

/** A status of `view` led by etcd1: each member reports `reported[i]` (default: its own version). */
export function versionedStatus(
  view: ClusterView,
  clusterVersion: string | null,
  reported: (string | null)[] = [],
): ClusterStatus {
  const status = clusterStatus(view, 'etcd1')
  return {
    ...status,
    clusterVersion,
    members: status.members.map((m, i) => ({
      ...m,
      version: reported[i] === undefined ? (view.members[i]?.etcdVersion ?? null) : reported[i],
    })),
  }
}

/** What the engine would answer to cluster:upgrade-choices, judged by the shared rules. */
export function upgradeChoices(view: ClusterView, authEnabled = false): UpgradeChoices {
  const memberVersions = view.members.map((m) => m.etcdVersion)
  const options: VersionOption[] = KNOWN_VERSIONS.map((version) => ({
    version,
    line: lineOf(version)!,
    isEndOfLife: lineOf(version) === '3.4',
    isInstalled: version === '3.4.23',
    verdict: judgeVersionChange({
      memberVersions,
      target: version,
      authEnabled,
      knownVersions: KNOWN_VERSIONS,
    }),
  }))
  return {
    cluster: view.definition.name,
    members: view.members.map((m) => ({ member: m.name, version: m.etcdVersion })),
    clusterVersion: '3.4.0',
    authEnabled,
    pending: null,
    options,
  }
}

/** How a 3-member 3.4.23 → 3.5.16 rolling upgrade went: followers first, the leader last. */
export function upgradeReport(): UpgradeReport {
  const swap = (member: string, tookMs: number) => ({
    member,
    from: '3.4.23',
    to: '3.5.16',
    tookMs,
    rolledBack: false,
  })
  return {
    cluster: 'demo',
    plan: { kind: 'upgrade', target: '3.5.16', hops: ['3.5.16'], downgrade: null },
    snapshotId: 'demo-etcd1-20250101T100000Z.db',
    members: [swap('etcd2', 4200), swap('etcd3', 3900), swap('etcd1', 4600)],
    outcome: 'done',
    clusterVersion: '3.5.0',
    probe: { ok: 197, failed: 0 },
    commands: ['etcdctl snapshot save demo.db', 'kill -TERM 4001'],
  }
}
