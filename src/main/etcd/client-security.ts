import http from 'node:http'
import https from 'node:https'
import type { IOptions } from 'etcd3'

/**
 * The TLS material a client of a TLS cluster presents and trusts (PEM). An empty buffer means
 * "none": a connected cluster may be verified by the system's CAs, or ask no client certificate.
 */
export interface ClientTls {
  /** The cluster's CA certificate: the only issuer its members' certificates are trusted from. */
  ca: Buffer
  /** A client certificate signed by that CA, and its key: etcd asks for one (mutual TLS). */
  cert: Buffer
  key: Buffer
  /**
   * Security: trust any server certificate (a connection's "Skip server verification", chosen
   * by the user with a warning shown). Never set for the clusters etcd Desk creates.
   */
  skipServerVerification?: boolean
}

/**
 * How the engine's clients reach a cluster's members: over TLS with a client certificate, and
 * with an etcd user when authentication is on. One value per cluster, handed to every client
 * the engine opens (status, health, keys, probe, maintenance, membership).
 */
export interface ClientSecurity {
  /** Null for a plain-http cluster. */
  tls: ClientTls | null
  /** Null when the engine calls without a user (authentication off). */
  auth: { username: string; password: string } | null
}

/**
 * gRPC's verify options for "Skip server verification": no chain check, no name check. etcd3
 * passes them to createSsl through patches/etcd3+1.1.2.patch (etcd3 1.1.2 has no option for it).
 */
const TRUST_ANY_SERVER = { rejectUnauthorized: false, checkServerIdentity: () => undefined }

/** A cluster without TLS or authentication. */
export const PLAIN_SECURITY: ClientSecurity = { tls: null, auth: null }

/** The etcd3 options that carry `security` (gRPC TLS credentials and the user). */
export function etcd3Security(security: ClientSecurity): Pick<IOptions, 'credentials' | 'auth'> {
  const { tls, auth } = security
  return {
    ...(tls
      ? {
          credentials: {
            // etcd3 types the CA as required, but hands it to gRPC's createSsl, which takes
            // undefined as "the system's CAs".
            rootCertificate: given(tls.ca) as Buffer,
            privateKey: given(tls.key),
            certChain: given(tls.cert),
            ...(tls.skipServerVerification ? { verifyOptions: TRUST_ANY_SERVER } : {}),
          },
        }
      : {}),
    ...(auth ? { auth: { username: auth.username, password: auth.password } } : {}),
  }
}

/**
 * A keep-alive HTTP(S) agent for one member's client URL (its /health and /version), presenting
 * the client certificate on a TLS cluster: etcd's --trusted-ca-file alone already requires one
 * (ETCD-OPS-FACTS §0.1), so a health check without it would read every member as down.
 */
export function memberHttpAgent(
  clientUrl: string,
  security: ClientSecurity,
  keepAlive = true,
): http.Agent {
  const options = { keepAlive, maxSockets: keepAlive ? 1 : Infinity }
  if (new URL(clientUrl).protocol !== 'https:') return new http.Agent(options)
  const tls = security.tls
  return new https.Agent({
    ...options,
    ...(tls ? { ca: given(tls.ca), cert: given(tls.cert), key: given(tls.key) } : {}),
    ...(tls?.skipServerVerification ? { rejectUnauthorized: false } : {}),
  })
}

/** The bytes, or undefined for an empty buffer ("none given"). */
function given(bytes: Buffer): Buffer | undefined {
  return bytes.length > 0 ? bytes : undefined
}
