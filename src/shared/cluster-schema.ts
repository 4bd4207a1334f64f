import { z } from 'zod'
import {
  CLUSTER_NAME_PATTERN,
  HOST_PATTERN,
  MEMBER_NAME_PATTERN,
  VERSION_PATTERN,
} from './cluster-rules'

/** Shape of a member in a request; ranges and cross-member rules are checked by validateClusterSpec. */
const memberSpecSchema = z.strictObject({
  name: z.string().max(200),
  clientPort: z.number().int(),
  peerPort: z.number().int(),
  proxyPort: z.number().int().optional(),
  /** An exact version for this member alone (a mixed-version cluster). */
  etcdVersion: z.string().regex(VERSION_PATTERN).optional(),
})

/** Smallest --quota-backend-bytes offered: etcd needs room for its own bookkeeping (measured: 1 MiB works). */
export const MIN_QUOTA_BACKEND_BYTES = 1024 * 1024
/** Largest --quota-backend-bytes etcd supports without warning (8 GiB). */
export const MAX_QUOTA_BACKEND_BYTES = 8 * 1024 * 1024 * 1024

/** A snapshot saved by etcd Desk, by file name: nothing that could leave its folder. */
export const snapshotIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.db$/)

/** Shape of a create-cluster request. */
export const clusterSpecSchema = z.strictObject({
  name: z.string().max(200),
  members: z.array(memberSpecSchema).max(100),
  etcdVersion: z.union([z.literal('system'), z.string().regex(VERSION_PATTERN)]),
  host: z.string().regex(HOST_PATTERN).default('127.0.0.1'),
  networkFaults: z.boolean().optional(),
  quotaBackendBytes: z
    .number()
    .int()
    .min(MIN_QUOTA_BACKEND_BYTES)
    .max(MAX_QUOTA_BACKEND_BYTES)
    .optional(),
  fromSnapshot: snapshotIdSchema.optional(),
  tls: z.boolean().optional(),
  bootstrap: z.enum(['static', 'discovery']).optional(),
})

/** A cluster name as a request argument. */
export const clusterNameSchema = z.string().regex(CLUSTER_NAME_PATTERN)
/** A member name as a request argument. */
export const memberNameSchema = z.string().regex(MEMBER_NAME_PATTERN)
