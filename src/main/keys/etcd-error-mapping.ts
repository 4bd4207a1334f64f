import {
  ClientClosedError,
  GRPCDeadlineExceededError,
  GRPCResourceExhastedError,
  GRPCUnavailableError,
} from 'etcd3'
import type { EtcdCallDetail } from '../../shared/error-details'
import { authErrorOf } from '../auth/auth-error-mapping'
import { EngineError, isEngineError } from '../errors/engine-error'
import { printableKey } from './key-bytes'

/** What the failed call was doing, so the error can name it. */
export interface CallContext {
  endpoints: readonly string[]
  /** The etcd call, e.g. 'range' or 'put'. */
  operation: string
  key?: Uint8Array
  /** Writes map "message too large" to VALUE_TOO_LARGE; reads map it to a failed request. */
  isWrite?: boolean
  /** More context for the error's detail: a listing's page, a write's sizes. */
  extra?: { page?: number; valueBytes?: number; keyBytes?: number; maxRequestBytes?: number }
}

/** etcd did not answer a streaming call (which has no gRPC deadline) in time. */
export class EtcdTimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer from etcd within ${ms} ms`)
    this.name = 'EtcdTimeoutError'
  }
}

/** etcd's message when a Range asks for a revision that compaction removed (mvcc.ErrCompacted). */
const COMPACTED_MESSAGE = 'required revision has been compacted'

/** etcd's message when a write would exceed --quota-backend-bytes (the NOSPACE alarm is raised). */
const NO_SPACE_MESSAGE = 'database space exceeded'

/** True when etcd refused a write because its backend is full (NOSPACE). */
export function isNoSpaceError(error: unknown): boolean {
  return error instanceof Error && error.message.includes(NO_SPACE_MESSAGE)
}

/** True when etcd refused a read because its revision was compacted. */
export function isCompactedError(error: unknown): boolean {
  return error instanceof Error && error.message.includes(COMPACTED_MESSAGE)
}

/** Turns an error from the etcd3 client into an EngineError that names endpoints and key. */
export function toEngineError(error: unknown, context: CallContext): EngineError {
  if (isEngineError(error)) return error
  const message = error instanceof Error ? error.message : String(error)
  const detail: EtcdCallDetail & CallContext['extra'] = {
    endpoints: [...context.endpoints],
    operation: context.operation,
    cause: message,
    ...context.extra,
    ...(context.key ? { key: printableKey(context.key) } : {}),
  }
  const where = context.endpoints.join(', ')

  if (error instanceof ClientClosedError) {
    return new EngineError('ENGINE_CLOSED', 'The key service was closed.', detail)
  }
  // Authentication on: no user, a wrong password, a missing permission (ETCD-OPS-FACTS §6.1).
  const auth = authErrorOf(error, {
    call: detail,
    ...(context.isWrite === undefined ? {} : { permission: context.isWrite ? 'write' : 'read' }),
  })
  if (auth) return auth
  // Before the size checks: NOSPACE is gRPC's RESOURCE_EXHAUSTED too, but not about the request.
  if (isNoSpaceError(error)) {
    return new EngineError(
      'ETCD_REQUEST_FAILED',
      `etcd refused the ${context.operation}: its database is full (NOSPACE alarm, --quota-backend-bytes). Delete keys, compact, defragment and disarm the alarm (Maintenance tab).`,
      detail,
    )
  }
  if (isTooLarge(error, message, context)) {
    return new EngineError(
      'VALUE_TOO_LARGE',
      `etcd refused the ${context.operation} of ${detail.key ?? 'the request'}: the request is larger than the server's --max-request-bytes.`,
      detail,
    )
  }
  if (error instanceof GRPCResourceExhastedError) {
    return new EngineError(
      'ETCD_REQUEST_FAILED',
      `etcd's answer to the ${context.operation} is larger than the client accepts; read fewer keys per page, or without values.`,
      detail,
    )
  }
  if (isUnreachable(error, message)) {
    return new EngineError(
      'ETCD_UNREACHABLE',
      `etcd did not answer the ${context.operation} at ${where}: ${message}`,
      detail,
    )
  }
  return new EngineError(
    'ETCD_REQUEST_FAILED',
    `etcd ${context.operation} failed at ${where}: ${message}`,
    detail,
  )
}

function isTooLarge(error: unknown, message: string, context: CallContext): boolean {
  if (message.includes('request is too large')) return true
  // A put beyond the server's gRPC receive limit (max-request-bytes + 512 KiB) fails in gRPC
  // itself with RESOURCE_EXHAUSTED before etcd sees it.
  return context.isWrite === true && error instanceof GRPCResourceExhastedError
}

function isUnreachable(error: unknown, message: string): boolean {
  if (
    error instanceof GRPCUnavailableError ||
    error instanceof GRPCDeadlineExceededError ||
    error instanceof EtcdTimeoutError
  ) {
    return true
  }
  // cockatiel's BrokenCircuitError: etcd3 stops calling a host after repeated failures.
  if (error instanceof Error && 'isBrokenCircuitError' in error) return true
  // No quorum: the member answers but cannot serve consistent reads or writes.
  return /etcdserver: (no leader|leader changed|request timed out)/.test(message)
}
