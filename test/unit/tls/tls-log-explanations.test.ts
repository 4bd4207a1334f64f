import { describe, expect, it } from 'vitest'
import WORDS from '../../../src/renderer/src/i18n/locales/en/logExplanations.json'
import { parseEtcdLogLine } from '../../../src/main/logs/zap-line-parser'
import { explainLogLine, explainLogText } from '../../../src/shared/log-explanations'

/** A line as the engine parses it from a member's output. */
const explain = (text: string) =>
  explainLogLine({ ...parseEtcdLogLine(text, '2026-12-01T00:00:00.000Z'), seq: 1, member: 'etcd1' })
    ?.id ?? null

// Lines etcd (3.4 to 3.5) and its Go clients wrote, as published in bug reports and notes;
// the last group was measured here (ETCD-OPS-FACTS §1.2) or is etcd's own source text.
const EXPLAINED: [string, string][] = [
  [
    'tls-unknown-authority',
    '{"level":"warn","ts":"2022-09-03T18:30:17.536+0800","caller":"embed/config_logging.go:169","msg":"rejected connection","remote-addr":"1.1.1.1:58824","server-name":"","error":"tls: failed to verify client certificate: x509: certificate signed by unknown authority"}',
  ],
  [
    'tls-san-mismatch',
    '{"level":"warn","ts":"2023-05-30T19:25:29.753Z","caller":"rafthttp/probing_status.go:68","msg":"prober detected unhealthy status","round-tripper-name":"ROUND_TRIPPER_RAFT_MESSAGE","remote-peer-id":"9f1d380f3209b2bd","rtt":"0s","error":"x509: certificate is valid for 192.168.192.132, 127.0.0.1, ::1, not 192.168.20.12"}',
  ],
  [
    'tls-bad-certificate',
    '{"level":"warn","ts":"2024-08-23T13:51:24.330935Z","caller":"embed/config_logging.go:169","msg":"rejected connection","remote-addr":"172.18.0.2:41408","server-name":"172.18.0.2","error":"remote error: tls: bad certificate"}',
  ],
  [
    'tls-certificate-required',
    '{"level":"warn","ts":"2024-12-12T21:12:28.693Z","caller":"embed/config_logging.go:169","msg":"rejected connection","remote-addr":"127.0.0.1:45942","server-name":"","error":"tls: client didn\'t provide a certificate"}',
  ],
  [
    'tls-plain-http',
    '{"level":"warn","ts":"2023-11-01T17:29:03.694-0500","caller":"embed/config_logging.go:169","msg":"rejected connection","remote-addr":"127.0.0.1:60184","server-name":"","error":"tls: first record does not look like a TLS handshake"}',
  ],
  [
    'tls-expired',
    '{"level":"warn","ts":"2023-03-31T05:55:26.342Z","caller":"rafthttp/probing_status.go:68","msg":"prober detected unhealthy status","round-tripper-name":"ROUND_TRIPPER_RAFT_MESSAGE","remote-peer-id":"18176d0976f2223e","rtt":"15.701311ms","error":"x509: certificate has expired or is not yet valid: current time 2023-03-31T05:55:26Z is before 2026-03-26T00:18:47Z"}',
  ],
  [
    'tls-incompatible-usage',
    '{"level":"warn","ts":"2022-04-11T23:59:13.567+0800","caller":"embed/config_logging.go:169","msg":"rejected connection","remote-addr":"192.168.7.11:53050","server-name":"","error":"tls: failed to verify client certificate: x509: certificate specifies an incompatible key usage"}',
  ],
  [
    'tls-bad-certificate',
    'WARNING: 2022/04/11 23:59:00 [core] grpc: addrConn.createTransport failed to connect to {127.0.0.1:2379 127.0.0.1:2379 <nil> 0 <nil>}. Err: connection error: desc = "transport: authentication handshake failed: remote error: tls: bad certificate". Reconnecting...',
  ],
  [
    'tls-incompatible-usage',
    '2023-09-07 12:09:43.693445 I | embed: rejected connection from "127.0.0.1:37776" (error "tls: failed to verify client certificate: x509: certificate specifies an incompatible key usage", ServerName "")',
  ],
  [
    'tls-http-ignores-certificates',
    '{"level":"warn","ts":"2026-11-24T01:39:11.726Z","caller":"embed/etcd.go:498","msg":"scheme is HTTP while key and cert files are present; ignoring key and cert files","peer-url":"http://127.0.0.1:2380"}',
  ],
  [
    'tls-san-mismatch',
    '{"level":"warn","ts":"2026-11-24T01:39:11.726Z","caller":"rafthttp/probing_status.go:68","msg":"prober detected unhealthy status","round-tripper-name":"ROUND_TRIPPER_SNAPSHOT","remote-peer-id":"8211f1d0f64f3269","rtt":"0s","error":"x509: cannot validate certificate for 127.0.0.1 because it doesn\'t contain any IP SANs"}',
  ],
]

const NOT_EXPLAINED = [
  '{"level":"warn","ts":"2023-11-24T19:13:47.904491Z","caller":"embed/config_logging.go:169","msg":"rejected connection","remote-addr":"127.0.0.1:57186","server-name":"localhost","error":"EOF"}',
  '{"level":"warn","ts":"2021-09-10T17:14:50.559+0800","caller":"embed/config_logging.go:279","msg":"rejected connection","remote-addr":"10.0.0.42:49824","server-name":"","error":"read tcp 10.0.0.8:2380->10.0.0.42:49824: i/o timeout"}',
  '{"level":"info","ts":"2026-11-24T01:39:12.000Z","caller":"embed/serve.go:100","msg":"ready to serve client requests"}',
]

// A peer that is down is no TLS matter: the peer entry explains it, not a TLS one.
const PEER_DOWN =
  '{"level":"warn","ts":"2024-05-14T20:27:13.557385Z","caller":"rafthttp/probing_status.go:68","msg":"prober detected unhealthy status","round-tripper-name":"ROUND_TRIPPER_SNAPSHOT","remote-peer-id":"8211f1d0f64f3269","rtt":"416.079µs","error":"dial tcp 127.0.0.1:12380: connect: connection refused"}'

describe('TLS log explanations', () => {
  it.each(EXPLAINED)('explains a real line as %s', (id, line) => {
    expect(explain(line)).toBe(id)
  })

  it.each(NOT_EXPLAINED.map((line, i) => [i, line] as const))(
    'leaves other line %i alone',
    (_i, line) => {
      expect(explain(line)).toBeNull()
    },
  )

  it('leaves a peer that is down to the peer entries', () => {
    expect(explain(PEER_DOWN)).toBe('peer-unreachable')
  })

  it('explains client-side errors too (TLS 1.3 alerts, http against https)', () => {
    expect(
      explainLogText(
        'rpc error: code = Unavailable desc = connection error: desc = "transport: authentication handshake failed: remote error: tls: certificate required"',
      )?.id,
    ).toBe('tls-certificate-required')
    expect(
      explainLogText(
        'Get "https://127.0.0.1:2380/version": http: server gave HTTP response to HTTPS client',
      )?.id,
    ).toBe('tls-plain-http')
    expect(explainLogText('tls: private key does not match public key')?.id).toBe(
      'tls-key-mismatch',
    )
    expect(
      explainLogText('open /x/server.crt: tls: failed to find any PEM data in certificate input')
        ?.id,
    ).toBe('tls-not-pem')
  })

  it('gives its id, topic and etcd page (the words are the window’s), without its pattern', () => {
    const explanation = explainLogText('remote error: tls: bad certificate')
    expect(explanation).toEqual({
      id: 'tls-bad-certificate',
      topic: 'tls',
      docsUrl: 'https://etcd.io/docs/v3.5/op-guide/security/',
    })
    expect(WORDS['tls-bad-certificate']?.title).toBe('The other side refused a certificate')
    expect(WORDS['tls-bad-certificate']?.action).toContain('rejected connection')
  })
})
