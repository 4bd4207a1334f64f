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
})

/** Shape of a create-cluster request. */
export const clusterSpecSchema = z.strictObject({
  name: z.string().max(200),
  members: z.array(memberSpecSchema).max(100),
  etcdVersion: z.union([z.literal('system'), z.string().regex(VERSION_PATTERN)]),
  host: z.string().regex(HOST_PATTERN).default('127.0.0.1'),
})

/** A cluster name as a request argument. */
export const clusterNameSchema = z.string().regex(CLUSTER_NAME_PATTERN)
/** A member name as a request argument. */
export const memberNameSchema = z.string().regex(MEMBER_NAME_PATTERN)
