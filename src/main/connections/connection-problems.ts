import type { ConnectionProblem } from '../../shared/connections'
import { words, type EngineWords } from '../../shared/engine-words/engine-words'
import { english } from '../words/english'

/** A failed connection in plain words: what kind, what to do, and what etcd or gRPC said. */
export interface DescribedProblem {
  problem: ConnectionProblem
  /** What to do, in English. */
  words: string
  /** The same for the window to show in its language. */
  problemWords: EngineWords
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

/** Names the problem behind a failed call to an endpoint, with what to do. */
export function describeProblem(error: unknown): DescribedProblem {
  const detail = error instanceof Error ? error.message : String(error)
  const problem = PATTERNS.find(([pattern]) => pattern.test(detail))?.[1] ?? 'other'
  const problemWords = words(`engine-notices:connectionProblem.${problem}`)
  return { problem, words: english(problemWords), problemWords, detail }
}
