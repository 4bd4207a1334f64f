import { describe, expect, it } from 'vitest'
import {
  ClientClosedError,
  EtcdError,
  GRPCDeadlineExceededError,
  GRPCResourceExhastedError,
  GRPCUnavailableError,
} from 'etcd3'
import { EngineError } from '../../../src/main/errors/engine-error'
import {
  EtcdTimeoutError,
  isCompactedError,
  toEngineError,
} from '../../../src/main/keys/etcd-error-mapping'

const endpoints = ['http://127.0.0.1:1', 'http://127.0.0.1:2']
const key = new Uint8Array([0x6b, 0xff])

describe('toEngineError', () => {
  it('maps connection failures and deadlines to ETCD_UNREACHABLE naming the endpoints', () => {
    for (const error of [
      new GRPCUnavailableError('14 UNAVAILABLE: No connection established'),
      new GRPCDeadlineExceededError('4 DEADLINE_EXCEEDED: Deadline exceeded'),
      new EtcdTimeoutError(10),
      new EtcdError('etcdserver: no leader'),
    ]) {
      const mapped = toEngineError(error, { endpoints, operation: 'range' })
      expect(mapped.message).toContain('http://127.0.0.1:1, http://127.0.0.1:2')
      expect(mapped.is('ETCD_UNREACHABLE') && mapped.detail?.endpoints).toEqual(endpoints)
    }
  })

  it('maps a circuit breaker that stopped calling the host to ETCD_UNREACHABLE', () => {
    const broken = Object.assign(
      new Error('Execution prevented because the circuit breaker is open'),
      {
        isBrokenCircuitError: true,
      },
    )
    expect(toEngineError(broken, { endpoints, operation: 'range' }).code).toBe('ETCD_UNREACHABLE')
  })

  it('maps "request is too large" to VALUE_TOO_LARGE and names the key', () => {
    const error = new EtcdError('etcdserver: request is too large')
    const mapped = toEngineError(error, { endpoints, operation: 'put', key, isWrite: true })
    expect(mapped.is('VALUE_TOO_LARGE') && mapped.detail?.key).toBe('hex:6bff')
  })

  it('maps RESOURCE_EXHAUSTED to VALUE_TOO_LARGE only for writes', () => {
    const error = new GRPCResourceExhastedError('8 RESOURCE_EXHAUSTED: message larger than max')
    expect(toEngineError(error, { endpoints, operation: 'put', isWrite: true }).code).toBe(
      'VALUE_TOO_LARGE',
    )
    expect(toEngineError(error, { endpoints, operation: 'range' })).toMatchObject({
      code: 'ETCD_REQUEST_FAILED',
      message: expect.stringContaining('fewer keys per page'),
    })
  })

  it('maps a closed client to ENGINE_CLOSED and passes EngineErrors through', () => {
    expect(toEngineError(new ClientClosedError('KV'), { endpoints, operation: 'range' }).code).toBe(
      'ENGINE_CLOSED',
    )
    const own = new EngineError('KEY_CONFLICT', 'x')
    expect(toEngineError(own, { endpoints, operation: 'put' })).toBe(own)
  })

  it('recognises a compacted revision', () => {
    expect(
      isCompactedError(new EtcdError('etcdserver: mvcc: required revision has been compacted')),
    ).toBe(true)
    expect(isCompactedError(new EtcdError('etcdserver: request is too large'))).toBe(false)
  })
})
