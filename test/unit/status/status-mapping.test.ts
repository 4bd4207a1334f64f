import type { IStatusResponse } from 'etcd3'
import { describe, expect, it } from 'vitest'
import { parseHealthAnswer } from '../../../src/main/status/health-check'
import {
  describeError,
  toHexId,
  toLeaderId,
  toListedMember,
  toMemberStatus,
} from '../../../src/main/status/status-mapping'

const status: IStatusResponse = {
  errors: [],
  header: {
    cluster_id: '4441431173773139839',
    member_id: '202479903711934005',
    revision: '1',
    raft_term: '2',
  },
  version: '3.4.23',
  dbSize: '20480',
  leader: '6906636602032113946',
  raftIndex: '14',
  raftTerm: '2',
  raftAppliedIndex: '14',
  dbSizeInUse: '16384',
  isLearner: false,
}

describe('toHexId', () => {
  it('prints uint64 ids in hex like etcdctl, beyond 2^53 without losing digits', () => {
    expect(toHexId('10276657743932975437')).toBe('8e9e05c52164694d')
    expect(toHexId('18446744073709551615')).toBe('ffffffffffffffff')
    expect(toHexId('202479903711934005')).toBe('2cf5a664ee7b635')
  })

  it('rejects anything that is not a decimal uint64', () => {
    expect(() => toHexId('0x12')).toThrow(/not a decimal/)
    expect(() => toHexId('')).toThrow(/not a decimal/)
  })

  it('treats leader 0 (raft.None) as no leader', () => {
    expect(toLeaderId('0')).toBeNull()
    expect(toLeaderId('6906636602032113946')).toBe('5fd94d6588d5c91a')
  })
})

describe('toMemberStatus', () => {
  it('maps a follower status with ids in hex and numbers kept as strings', () => {
    const s = toMemberStatus('m1', status, { healthy: true, reason: null })
    expect(s).toMatchObject({
      member: 'm1',
      healthy: true,
      id: '2cf5a664ee7b635',
      leaderId: '5fd94d6588d5c91a',
      isLeader: false,
      raftTerm: '2',
      raftIndex: '14',
      raftAppliedIndex: '14',
      dbSize: 20480,
      dbSizeInUse: 16384,
      version: '3.4.23',
      unreachable: null,
    })
  })

  it('marks the member that names itself as leader', () => {
    const s = toMemberStatus(
      'm2',
      { ...status, leader: status.header.member_id },
      {
        healthy: true,
        reason: null,
      },
    )
    expect(s.isLeader).toBe(true)
  })

  it('adds the health reason to the errors of an unhealthy member', () => {
    const s = toMemberStatus(
      'm1',
      { ...status, leader: '0', errors: ['etcdserver: no leader'] },
      {
        healthy: false,
        reason: 'RAFT NO LEADER',
      },
    )
    expect(s.leaderId).toBeNull()
    expect(s.errors).toEqual(['etcdserver: no leader', 'health check: RAFT NO LEADER'])
  })
})

describe('toListedMember', () => {
  it('converts the member id and copies the urls', () => {
    const listed = toListedMember({
      ID: '10276657743932975437',
      name: 'default',
      peerURLs: ['http://127.0.0.1:2380'],
      clientURLs: ['http://127.0.0.1:2379'],
      isLearner: false,
    })
    expect(listed).toEqual({
      id: '8e9e05c52164694d',
      name: 'default',
      peerUrls: ['http://127.0.0.1:2380'],
      clientUrls: ['http://127.0.0.1:2379'],
      isLearner: false,
    })
  })
})

describe('parseHealthAnswer', () => {
  it('reads etcd 3.4 answers', () => {
    expect(parseHealthAnswer(200, '{"health":"true"}')).toEqual({ healthy: true, reason: null })
    expect(parseHealthAnswer(503, '{"health":"false"}')).toEqual({ healthy: false, reason: null })
  })

  it('keeps the reason etcd 3.5+ gives', () => {
    const answer = parseHealthAnswer(503, '{"health":"false","reason":"RAFT NO LEADER"}')
    expect(answer).toEqual({ healthy: false, reason: 'RAFT NO LEADER' })
  })

  it('reports an answer that is not etcd health JSON', () => {
    expect(parseHealthAnswer(404, '404 page not found')).toEqual({
      healthy: false,
      reason: 'unexpected answer: HTTP 404',
    })
  })
})

describe('describeError', () => {
  it('shortens grpc-js connection errors to the socket error', () => {
    const grpc = new Error(
      '14 UNAVAILABLE: No connection established. Last error: Error: connect ECONNREFUSED 127.0.0.1:42745. Resolution note: ',
    )
    expect(describeError(grpc)).toBe('connect ECONNREFUSED 127.0.0.1:42745')
  })

  it('strips the grpc status prefix of other errors', () => {
    expect(describeError(new Error('4 DEADLINE_EXCEEDED: Deadline exceeded'))).toBe(
      'Deadline exceeded',
    )
    expect(describeError('plain')).toBe('plain')
  })
})
