import { z } from 'zod'
import { words, type EngineWords } from './engine-words/engine-words'

/**
 * Leases as the window sees them (README "Leases"). A lease ID is an int64: it crosses the
 * contract as a decimal string (as etcd3 decodes it) and the window shows it in hex like etcdctl.
 */

/** etcd's largest lease TTL in seconds (lease.MaxLeaseTTL, 9,000,000,000 s ≈ 285 years). */
const MAX_LEASE_TTL_SECONDS = 9_000_000_000

/** Attached keys shown per lease in the list; the lease's own view shows more. */
export const LEASE_LIST_KEYS = 3

/** Attached keys shown by default when one lease is opened. */
export const LEASE_DETAIL_KEYS = 100

/** Most attached keys one request may ask to see. */
export const MAX_LEASE_KEYS_SHOWN = 1000

/** Leases per page of the list by default, and at most. */
export const DEFAULT_LEASE_PAGE = 50
/** Most leases per page. */
export const MAX_LEASE_PAGE = 200

/** A lease ID in a request: a positive decimal int64 (0 means "no lease" in etcd). */
export const leaseIdSchema = z.string().regex(/^[1-9]\d{0,18}$/)

/** One lease with its time to live and (some of) its attached keys. */
export interface LeaseView {
  /** Decimal lease ID. */
  id: string
  /** Seconds left before it expires (etcd's TTL; the lease expires in under TTL + 1 s). */
  ttl: number
  /** The TTL it was granted (or last renewed) with. */
  grantedTtl: number
  /** How many keys are attached; null when too many to fit in one answer (not counted). */
  keyCount: number | null
  /** The first attached keys, in etcd's order (at most the number asked for). */
  keys: Uint8Array[]
}

/** One page of the lease list, sorted by ID. */
export interface LeasePage {
  leases: LeaseView[]
  /** How many leases the cluster holds. */
  total: number
  /** Pass as `after` for the next page; null on the last one. */
  nextAfter: string | null
}

/**
 * Why the TTL is checked in the engine (not only by zod): a refused TTL must answer with a
 * sentence naming it, e.g. "Lease TTL 0 is not valid …", not a schema path.
 */
export function leaseTtlProblem(ttl: number): EngineWords | null {
  if (Number.isInteger(ttl) && ttl >= 1 && ttl <= MAX_LEASE_TTL_SECONDS) return null
  return words('engine-rules:lease.ttl', { ttl: String(ttl), max: MAX_LEASE_TTL_SECONDS })
}
