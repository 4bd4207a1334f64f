import { describe, expect, it } from 'vitest'
import type { ListedMember, MemberStatus } from '../../../src/shared/cluster'
import {
  findLeader,
  resolveMemberName,
  summarizeCluster,
} from '../../../src/main/status/cluster-summary'
import { unreachableStatus } from '../../../src/main/status/status-mapping'

function up(member: string, id: string, leaderId: string | null, term = '2'): MemberStatus {
  return {
    ...unreachableStatus(member, ''),
    healthy: leaderId !== null,
    id,
    leaderId,
    isLeader: leaderId === id,
    raftTerm: term,
    raftIndex: '10',
    raftAppliedIndex: '10',
    unreachable: null,
  }
}

function down(member: string, id: string | null = null): MemberStatus {
  return { ...unreachableStatus(member, 'connect ECONNREFUSED'), id }
}

const list: ListedMember[] = [
  { id: 'a1', name: 'm1', peerUrls: [], clientUrls: [], isLearner: false },
  { id: 'b2', name: 'm2', peerUrls: [], clientUrls: [], isLearner: false },
  { id: 'c3', name: 'm3', peerUrls: [], clientUrls: [], isLearner: false },
]

describe('findLeader', () => {
  it('names the member every member agrees on', () => {
    const members = [up('m1', 'a1', 'b2'), up('m2', 'b2', 'b2'), up('m3', 'c3', 'b2')]
    expect(findLeader(members, list)).toEqual({ id: 'b2', name: 'm2', term: '2' })
  })

  it('prefers the newest term over a stale member', () => {
    const members = [
      up('m1', 'a1', 'b2', '2'),
      up('m2', 'b2', 'c3', '3'),
      up('m3', 'c3', 'c3', '3'),
    ]
    expect(findLeader(members, list)?.name).toBe('m3')
  })

  it('has no leader while followers still name a leader that does not answer', () => {
    const members = [up('m1', 'a1', 'b2'), down('m2', 'b2'), up('m3', 'c3', 'b2')]
    expect(findLeader(members, list)).toBeNull()
  })

  it('finds a dead leader through the member list when its id was never seen', () => {
    const members = [up('m1', 'a1', 'b2'), down('m2'), up('m3', 'c3', 'b2')]
    expect(findLeader(members, list)).toBeNull()
  })

  it('has no leader when nobody answers or nobody knows one', () => {
    expect(findLeader([down('m1'), down('m2')], list)).toBeNull()
    expect(findLeader([up('m1', 'a1', null)], list)).toBeNull()
  })

  it('resolves a leader outside our members through the member list', () => {
    const extra = [
      ...list,
      { id: 'd4', name: 'outsider', peerUrls: [], clientUrls: [], isLearner: false },
    ]
    expect(findLeader([up('m1', 'a1', 'd4')], extra)?.name).toBe('outsider')
  })
})

describe('resolveMemberName', () => {
  it('falls back from our members to the member list to the hex id', () => {
    const members = [up('alpha', 'a1', 'a1')]
    expect(resolveMemberName('a1', members, list)).toBe('alpha')
    expect(resolveMemberName('c3', members, list)).toBe('m3')
    expect(resolveMemberName('ff', members, list)).toBe('ff')
  })
})

describe('summarizeCluster', () => {
  it('counts healthy members and names the leader', () => {
    const members = [up('m1', 'a1', 'b2'), up('m2', 'b2', 'b2'), down('m3')]
    const status = summarizeCluster({
      cluster: 'c',
      at: '2025-01-01T00:00:00.000Z',
      members,
      memberList: list,
      leader: findLeader(members, list),
      leaderChanges: [],
      clusterVersion: '3.5.0',
    })
    expect(status).toMatchObject({
      healthyCount: 2,
      memberCount: 3,
      leaderName: 'm2',
      clusterVersion: '3.5.0',
    })
  })
})
