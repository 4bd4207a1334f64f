import type { ConnectionProblem } from '../../shared/connections'

/** A failed connection in plain words: what kind, what to do, and what etcd or gRPC said. */
export interface DescribedProblem {
  problem: ConnectionProblem
  words: string
  detail: string
}

/**
 * What gRPC and etcd answer, as measured against etcd 3.4.23 and 3.5.16 here, to the problem it
 * means. First match wins: the TLS alerts come before the generic "No connection established".
 */
const PATTERNS: readonly [RegExp, ConnectionProblem][] = [
  [/Name resolution failed|ENOTFOUND|EAI_AGAIN/, 'name-not-resolved'],
  [/ECONNREFUSED/, 'connection-refused'],
  [/ERR_TLS_CERT_ALTNAME_INVALID|does not match certificate's altnames/, 'tls-san-mismatch'],
  [
    /unable to verify the first certificate|self[- ]signed certificate|unable to get local issuer certificate|certificate signature failure/,
    'tls-unknown-authority',
  ],
  [
    /alert bad certificate|alert certificate required|certificate required/,
    'client-certificate-required',
  ],
  [/authentication failed|invalid user ID or password/, 'authentication-failed'],
  [/authentication is not enabled/, 'authentication-not-enabled'],
  [/permission denied|user name is empty/, 'permission-denied'],
  [/Protocol error|Received HTTP status code|Unexpected HTTP/, 'not-etcd'],
  // A plain-http client on a TLS port: the server answers the cleartext HTTP/2 preface with a
  // TLS alert and gRPC sees only "Failed to connect".
  [/Failed to connect|ECONNRESET|socket hang up/, 'tls-expected'],
  [/DEADLINE_EXCEEDED|Deadline exceeded|ETIMEDOUT/, 'timeout'],
]

/** What to do about each problem, in plain words. */
const WORDS: Readonly<Record<ConnectionProblem, string>> = {
  'name-not-resolved': 'The host name does not resolve: check its spelling, or use an IP address.',
  'connection-refused':
    'Nothing listens on that host and port: check the port (2379 by default) and that etcd runs.',
  'tls-expected':
    'The endpoint did not speak plain http: it probably serves TLS — use https:// and the cluster’s CA.',
  'tls-unknown-authority':
    'The server’s certificate is not signed by the CA given (unknown authority): choose the CA file that signed it.',
  'tls-san-mismatch':
    'The server’s certificate is not valid for this host (SAN mismatch): connect with a name or IP its certificate lists.',
  'client-certificate-required':
    'The cluster asks for a client certificate (mutual TLS) and refused the one given, or none: choose a client certificate and key signed by its CA.',
  'authentication-failed': 'etcd refused the user name or password (authentication failed).',
  'authentication-not-enabled': 'This cluster has authentication off: leave the user name empty.',
  'permission-denied':
    'etcd answered, but this user lacks the permission (or the cluster wants a user): check the user and its roles.',
  'not-etcd':
    'Something answered, but not etcd’s gRPC API: check the port (the client port, not the peer port).',
  timeout:
    'The endpoint did not answer in time: it may be overloaded, or a firewall drops the traffic.',
  other: 'The endpoint could not be used; etcd’s words are below.',
}

/** Names the problem behind a failed call to an endpoint, with what to do. */
export function describeProblem(error: unknown): DescribedProblem {
  const detail = error instanceof Error ? error.message : String(error)
  const problem = PATTERNS.find(([pattern]) => pattern.test(detail))?.[1] ?? 'other'
  return { problem, words: WORDS[problem], detail }
}
