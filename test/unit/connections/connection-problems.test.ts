import { describe, expect, it } from 'vitest'
import { describeProblem } from '../../../src/main/connections/connection-problems'

/** What gRPC and etcd said here (etcd 3.4.23 / 3.5.16, grpc-js 1.14), word for word. */
const SAID: [string, string][] = [
  [
    '14 UNAVAILABLE: Name resolution failed for target dns:no-such-host.invalid:2379',
    'name-not-resolved',
  ],
  [
    '14 UNAVAILABLE: No connection established. Last error: Error: connect ECONNREFUSED 127.0.0.1:23840.',
    'connection-refused',
  ],
  [
    '14 UNAVAILABLE: No connection established. Last error: Error: unable to verify the first certificate.',
    'tls-unknown-authority',
  ],
  [
    "14 UNAVAILABLE: No connection established. Last error: Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in the cert's list: 10.1.1.1.",
    'tls-san-mismatch',
  ],
  [
    '14 UNAVAILABLE: No connection established. Last error: 805C42695C7F0000:error:0A000412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 42',
    'client-certificate-required',
  ],
  [
    '14 UNAVAILABLE: No connection established. Last error: Failed to connect (2026-12-01T13:24:12.839Z).',
    'tls-expected',
  ],
  [
    '14 UNAVAILABLE: No connection established. Last error: Protocol error (2026-12-01T13:24:12.865Z).',
    'not-etcd',
  ],
  [
    '3 INVALID_ARGUMENT: etcdserver: authentication failed, invalid user ID or password',
    'authentication-failed',
  ],
  [
    '9 FAILED_PRECONDITION: etcdserver: authentication is not enabled',
    'authentication-not-enabled',
  ],
  ['7 PERMISSION_DENIED: etcdserver: permission denied', 'permission-denied'],
  ['4 DEADLINE_EXCEEDED: Deadline exceeded after 5.001s', 'timeout'],
  ['something nobody expected', 'other'],
]

describe('connection problems in plain words', () => {
  it.each(SAID)('%s → %s', (said, problem) => {
    const described = describeProblem(new Error(said))
    expect(described.problem).toBe(problem)
    expect(described.detail).toBe(said)
    expect(described.words.length).toBeGreaterThan(20)
  })
})
