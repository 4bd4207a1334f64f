import { z } from 'zod'
import type { ClusterDefinition } from '../../shared/cluster'
import { VERSION_PATTERN } from '../../shared/cluster-rules'
import { clusterSpecSchema } from '../../shared/cluster-schema'
import { TLS_SWITCH_PHASES } from '../../shared/tls-switch'

/** A member as saved with its cluster (what the engine decided for it included). */
const memberDefinitionSchema = z.strictObject({
  name: z.string(),
  clientPort: z.number().int(),
  peerPort: z.number().int(),
  proxyPort: z.number().int().optional(),
  folder: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,60}$/)
    .optional(),
  joined: z.strictObject({ initialCluster: z.string() }).optional(),
  isLearner: z.boolean().optional(),
  etcdVersion: z.string().regex(VERSION_PATTERN).optional(),
  nextClusterVersionCompatible: z.boolean().optional(),
  plainClientPort: z.number().int().optional(),
})

/** A version change in progress (see PendingUpgrade). */
const pendingUpgradeSchema = z.strictObject({
  plan: z.strictObject({
    kind: z.enum(['patch', 'upgrade', 'downgrade', 'rollback']),
    target: z.string().regex(VERSION_PATTERN),
    hops: z.array(z.string().regex(VERSION_PATTERN)).min(1),
    downgrade: z.enum(['downgrade-api', 'next-cluster-version-compatible']).nullable(),
  }),
  startedAt: z.string(),
  snapshotId: z.string().nullable(),
  member: z.string().nullable(),
  paused: z.boolean(),
})

const pendingChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('add'),
    member: memberDefinitionSchema,
    asLearner: z.boolean(),
    step: z.enum(['requested', 'added', 'started']),
    memberId: z.string().nullable(),
  }),
  z.strictObject({
    kind: z.literal('remove'),
    member: z.string(),
    memberId: z.string(),
    keepData: z.boolean(),
    step: z.enum(['requested', 'removed']),
  }),
])

/**
 * cluster.json as the engine saves it. Checked against ClusterDefinition by the compiler, so the
 * type stays the one source of what a definition holds.
 */
export const definitionSchema = clusterSpecSchema.extend({
  members: z.array(memberDefinitionSchema),
  token: z.string().min(1),
  createdAt: z.string(),
  resolvedVersion: z.string(),
  pendingChange: pendingChangeSchema.nullable().optional(),
  pendingUpgrade: pendingUpgradeSchema.nullable().optional(),
  discovery: z
    .strictObject({
      protocol: z.enum(['v2', 'v3']),
      token: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
      size: z.number().int().min(1),
      endpoint: z.string().regex(/^http:\/\/127\.0\.0\.1:\d{1,5}$/),
    })
    .optional(),
  tlsSwitch: z
    .strictObject({
      phase: z.enum(TLS_SWITCH_PHASES),
      done: z.array(z.string()),
      member: z.string().nullable(),
      startedAt: z.string(),
    })
    .nullable()
    .optional(),
}) satisfies z.ZodType<ClusterDefinition>
