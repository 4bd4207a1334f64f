import type { InstalledRelease } from '../../src/shared/releases'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import type {
  ClusterStatus,
  ClusterView,
  MemberState,
  MemberStatus,
} from '../../src/shared/cluster'
import type { KeyEntry } from '../../src/shared/keys'
import type { LogLevel, LogLine } from '../../src/shared/logs'
import { tutorialMembers } from '../../src/shared/port-scheme'
import {
  ApiProvider,
  type ConnectionSource,
} from '../../src/renderer/src/features/shared/api-context'
import { ok, type FakeApi } from './fake-api'

/** Renders a component under an ApiProvider with the fake API. */
export function renderWithApi(ui: ReactElement, api: FakeApi, connection?: ConnectionSource) {
  return render(
    <ApiProvider api={api} onConnectionChange={connection}>
      {ui}
    </ApiProvider>,
  )
}

/** A cluster in the tutorial's ports with every member in `state` (or per-member states). */
export function clusterView(
  name = 'demo',
  states: MemberState | MemberState[] = 'running',
  count = 3,
  slot = 0,
): ClusterView {
  const members = tutorialMembers(count, slot).map((m, i) => {
    const state = Array.isArray(states) ? (states[i] ?? 'stopped') : states
    const isLive = state === 'running' || state === 'starting' || state === 'stopping'
    return {
      ...m,
      state,
      pid: isLive ? 4000 + i : null,
      clientUrl: `http://127.0.0.1:${m.clientPort}`,
      peerUrl: `http://127.0.0.1:${m.peerPort}`,
      dataDir: `/tmp/desk/${name}/${m.name}`,
      lastExit: null,
      restarts: 0,
      isLearner: false,
      faults: null,
      etcdVersion: '3.5.17',
    }
  })
  const allStopped = members.every((m) => m.state === 'stopped')
  return {
    definition: {
      name,
      members: tutorialMembers(count, slot),
      etcdVersion: 'system',
      host: '127.0.0.1',
      token: 'token',
      createdAt: '2025-01-01T00:00:00Z',
      resolvedVersion: '3.5.17',
    },
    state: allStopped ? 'stopped' : 'running',
    members,
    dir: `/tmp/desk/clusters/${name}`,
    operation: null,
    warning: null,
    warningWords: null,
    lastOperation: null,
    revision: 1,
  }
}

/** A status where `leader` leads and everyone is healthy. */
export function clusterStatus(
  cluster: ClusterView,
  leader: string,
  at = '2025-01-01T10:00:00.000Z',
): ClusterStatus {
  const members: MemberStatus[] = cluster.members.map((m, i) => ({
    member: m.name,
    healthy: true,
    id: `id${i}`,
    isLeader: m.name === leader,
    leaderId: 'id0',
    raftTerm: '2',
    raftIndex: '42',
    raftAppliedIndex: '41',
    dbSize: 20480,
    dbSizeInUse: 16384,
    version: '3.5.17',
    isLearner: false,
    errors: [],
    unreachable: null,
  }))
  return {
    cluster: cluster.definition.name,
    at,
    members,
    memberList: [],
    healthyCount: members.length,
    memberCount: members.length,
    leaderName: leader,
    leaderChanges: [{ at, from: null, to: leader, term: '2' }],
    clusterVersion: '3.5.0',
  }
}

/** One parsed log line. */
export function logLine(
  member: string,
  seq: number,
  msg: string,
  level: LogLevel = 'info',
): LogLine {
  const ts = `2025-01-01T10:00:${String(seq % 60).padStart(2, '0')}.000Z`
  return { seq, member, ts, level, msg, fields: {}, raw: `{"level":"${level}","msg":"${msg}"}` }
}

/** UTF-8 bytes of a string. */
export function bytes(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text)
}

/** A key entry (keys-only unless a value is given). */
export function keyEntry(
  key: string | Uint8Array,
  value: Uint8Array | null = null,
  modRevision = '5',
): KeyEntry {
  return {
    key: typeof key === 'string' ? bytes(key) : key,
    value,
    createRevision: '3',
    modRevision,
    version: '2',
    lease: '0',
    valueSize: value ? value.length : null,
  }
}

/** Text of UTF-8 bytes. */
export function text(value: Uint8Array | undefined): string {
  return value ? new TextDecoder().decode(value) : ''
}

/** A cluster:suggest handler answering the tutorial's ports, as the engine does on a free machine. */
export function suggestTutorial({ memberCount }: { memberCount: number }) {
  return ok({
    name: 'cluster-1',
    members: tutorialMembers(memberCount),
    etcdVersion: 'system',
    host: '127.0.0.1',
  })
}

/** An installed release as Settings lists it (from a mirror, verified). */
export function installedRelease(version: string): InstalledRelease {
  return {
    version,
    dir: `/tmp/desk/etcd/v${version}`,
    sizeBytes: 60 * 1024 * 1024,
    source: `https://mirror.example/etcd/v${version}/etcd.tar.gz`,
    isVerified: true,
    installedAt: '2026-11-24T10:00:00Z',
  }
}
