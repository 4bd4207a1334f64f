import { z } from 'zod'
import type { EngineWords } from './engine-words/engine-words'

/**
 * Saved connections to etcd clusters etcd Desk did not create (a Kubernetes control plane, a
 * team's config store): endpoints, TLS files, a user, and read-only (on by default).
 */

/** Why a connection test failed, in one word the window explains. */
export type ConnectionProblem =
  | 'name-not-resolved'
  | 'connection-refused'
  | 'tls-expected'
  | 'tls-unknown-authority'
  | 'tls-san-mismatch'
  | 'client-certificate-required'
  | 'authentication-failed'
  | 'authentication-not-enabled'
  | 'permission-denied'
  | 'not-etcd'
  | 'timeout'
  | 'other'

/** One endpoint: a client URL such as https://10.0.0.5:2379. */
const endpointSchema = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^\s/?#]+:\d{1,5}$/, 'an endpoint is http(s)://host:port')

/** A connection's name: shown in the sidebar; it must differ from every local cluster's. */
const connectionNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'letters, digits, dot, dash and underscore')

/** The files of a TLS connection (any may be absent), as paths on this machine. */
const connectionTlsSchema = z.strictObject({
  /** The CA that signed the servers' certificates; absent: the system's CAs. */
  caFile: z.string().min(1).max(4096).nullable(),
  /** A client certificate and its key, when the cluster asks for one (mutual TLS). */
  certFile: z.string().min(1).max(4096).nullable(),
  keyFile: z.string().min(1).max(4096).nullable(),
  /**
   * Security: accept any server certificate (unknown authority, wrong name). Off by default and
   * shown with a warning wherever the connection appears: anyone on the path could read and
   * change everything this connection sends. Absent in files saved before it existed.
   */
  skipServerVerification: z.boolean().optional(),
})

/** What the user saves of a connection (never a password: that goes apart). */
export const connectionSpecSchema = z.strictObject({
  name: connectionNameSchema,
  endpoints: z.array(endpointSchema).min(1).max(16),
  tls: connectionTlsSchema.nullable(),
  username: z.string().min(1).max(128).nullable(),
  /** Every write refused before it is sent. On by default. */
  readOnly: z.boolean(),
})

/** A saved connection as the user defines it. */
export type ConnectionSpec = z.infer<typeof connectionSpecSchema>

/** A saved connection as the window shows it. */
export interface ConnectionView extends ConnectionSpec {
  /** True when a password is known (kept encrypted, or in memory for this session). */
  hasPassword: boolean
}

/** What one endpoint answered to "Test connection". */
export interface EndpointTest {
  endpoint: string
  isOk: boolean
  problem: ConnectionProblem | null
  /** What went wrong, in plain English words (null when it answered). */
  words: string | null
  /** The same for the window to show in its language (null when it answered). */
  problemWords: EngineWords | null
  /** What etcd said, for the curious (null when it answered). */
  detail: string | null
  version: string | null
  /** The member it is, in hex, when it answered. */
  memberId: string | null
}

/** "Test connection": each endpoint's answer, and the cluster's members when one answered. */
export interface ConnectionTestResult {
  isOk: boolean
  endpoints: EndpointTest[]
  /** Names and client URLs of the members etcd lists (empty when none answered). */
  members: { name: string; clientUrls: string[]; isLearner: boolean }[]
}
