import { z } from 'zod'
import { clusterNameSchema } from './cluster-schema'
import {
  leaseIdSchema,
  MAX_LEASE_KEYS_SHOWN,
  MAX_LEASE_PAGE,
  type LeasePage,
  type LeaseView,
} from './leases'
import { MAX_CONTRACT_BYTES } from './limits'

/** Key or value bytes in a request (as in the key browser's requests). */
const bytes = z
  .instanceof(Uint8Array)
  .refine((b) => b.length <= MAX_CONTRACT_BYTES, 'at most 64 MiB')

const leaseRef = z.strictObject({ cluster: clusterNameSchema, lease: leaseIdSchema })

/** The Leases tab's requests (part of the contract's requestSchemas). */
export const leaseRequestSchemas = {
  'leases:list': z.strictObject({
    cluster: clusterNameSchema,
    /** The previous page's nextAfter. */
    after: leaseIdSchema.optional(),
    limit: z.number().int().min(1).max(MAX_LEASE_PAGE).optional(),
  }),
  'leases:get': leaseRef.extend({
    keyLimit: z.number().int().min(1).max(MAX_LEASE_KEYS_SHOWN).optional(),
  }),
  /** The TTL is checked by the engine, whose refusal names it (leaseTtlProblem). */
  'leases:grant': z.strictObject({ cluster: clusterNameSchema, ttl: z.number() }),
  /** Revokes the lease: etcd deletes every key attached to it. */
  'leases:revoke': leaseRef,
  'leases:keep-alive': leaseRef,
  /** Puts a key attached to the lease. */
  'leases:attach': leaseRef.extend({ key: bytes, value: bytes }),
} as const

/** What each lease request returns on success (part of the contract's ResponseMap). */
export interface LeaseResponses {
  'leases:list': LeasePage
  'leases:get': LeaseView
  'leases:grant': LeaseView
  /** How many keys the lease held (null: too many to count). */
  'leases:revoke': { deletedKeys: number | null }
  'leases:keep-alive': LeaseView
  'leases:attach': { revision: string }
}
