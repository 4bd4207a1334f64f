import { z } from 'zod'
import type { ClusterStatus } from './cluster'
import { connectionSpecSchema, type ConnectionTestResult, type ConnectionView } from './connections'

/** A password as typed: kept by the engine (encrypted, or in memory), never in a file as text. */
const password = z.string().min(1).max(1024)

const connectionRef = z.strictObject({ connection: connectionSpecSchema.shape.name })

/** "Connect to cluster" requests (part of the contract's requestSchemas). */
export const connectionRequestSchemas = {
  'connections:list': z.strictObject({}),
  /** Saves a connection; `password` undefined keeps the known one, null forgets it. */
  'connections:save': z.strictObject({
    spec: connectionSpecSchema,
    password: password.nullable().optional(),
    /** A new connection: refused when the name is taken. */
    isNew: z.boolean(),
  }),
  'connections:delete': connectionRef,
  /** "Test connection" of settings as typed (the saved password when none is typed). */
  'connections:test': z.strictObject({
    spec: connectionSpecSchema,
    password: password.nullable().optional(),
  }),
  /** Opens a saved connection: its members are found and polled; keys:* then reach it by name. */
  'connections:open': connectionRef,
} as const

/** What each connection request returns on success (part of the contract's ResponseMap). */
export interface ConnectionResponses {
  'connections:list': ConnectionView[]
  'connections:save': ConnectionView
  'connections:delete': null
  'connections:test': ConnectionTestResult
  'connections:open': ClusterStatus
}
