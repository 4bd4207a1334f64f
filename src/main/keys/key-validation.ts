import { EngineError } from '../errors/engine-error'
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from '../../shared/limits'
import { printableKey } from './key-bytes'
import { startsWithBytes } from '../../shared/bytes'

/** The page size to use: the default when absent, INVALID_REQUEST when not 1..MAX_PAGE_LIMIT. */
export function checkPageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_LIMIT
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw new EngineError(
      'INVALID_REQUEST',
      `limit must be an integer from 1 to ${MAX_PAGE_LIMIT}`,
      { field: 'limit', value: limit },
    )
  }
  return limit
}

/** Refuses anything but a non-empty byte array as a key (etcd has no empty key). */
export function checkKey(key: unknown, field = 'key'): asserts key is Uint8Array {
  if (!(key instanceof Uint8Array) || key.length === 0) {
    throw new EngineError('INVALID_REQUEST', `${field} must be a non-empty byte array`)
  }
}

/** Refuses anything but a byte array (possibly empty) as a prefix. */
export function checkPrefix(prefix: unknown): asserts prefix is Uint8Array {
  if (!(prefix instanceof Uint8Array)) {
    throw new EngineError('INVALID_REQUEST', 'prefix must be a byte array')
  }
}

/** Refuses a revision that is not a decimal int64 string; undefined passes. */
export function checkRevision(revision: unknown, field = 'revision'): void {
  if (revision === undefined) return
  if (typeof revision !== 'string' || !/^\d{1,19}$/.test(revision)) {
    throw new EngineError('INVALID_REQUEST', `${field} must be a decimal revision string`, {
      field,
      value: JSON.stringify(revision)?.slice(0, 40) ?? 'undefined',
    })
  }
}

/** Refuses a page start that lies outside the listed prefix. */
export function checkStartKey(startKey: Uint8Array | undefined, prefix: Uint8Array): void {
  if (startKey === undefined) return
  if (!(startKey instanceof Uint8Array) || !startsWithBytes(startKey, prefix)) {
    throw new EngineError('INVALID_REQUEST', 'startKey must start with the listed prefix', {
      field: 'startKey',
      value: printableKey(prefix),
    })
  }
}
