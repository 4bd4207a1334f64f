import type { LogLine } from './logs'

/**
 * Plain-words explanations of etcd log lines that puzzle people, shown under the line in the Logs
 * view. Each entry matches the words Go or etcd print (not a whole line), so it works for zap JSON,
 * 3.4's capnslog text and client errors alike. TLS first (ETCD-OPS-FACTS §1); other topics add
 * entries here.
 */

/** What an explanation is about. */
type LogExplanationTopic = 'tls'

/** What a log line means and what to do about it. */
export interface LogExplanation {
  /** Stable name of the entry. */
  id: string
  topic: LogExplanationTopic
  /** A few words, e.g. "Certificate from an unknown authority". */
  title: string
  meaning: string
  action: string
}

/** One catalogue entry: the words that identify the line, and its explanation. */
interface CatalogueEntry extends LogExplanation {
  pattern: RegExp
}

/**
 * The catalogue, most specific first: the first match wins. "bad certificate" comes after the x509
 * reasons because a line can carry both (a reason nested in a client's error).
 */
const LOG_EXPLANATIONS: readonly CatalogueEntry[] = [
  {
    id: 'tls-expired',
    topic: 'tls',
    pattern:
      /x509: certificate has expired or is not yet valid|remote error: tls: expired certificate/,
    title: 'Certificate expired or not valid yet',
    meaning:
      'A certificate in this connection is outside its validity period: it has expired, or this computer’s clock is before its start date. Go prints the current time and the limit that was crossed.',
    action:
      'Compare the times in the line with the certificate’s dates. Issue new certificates from the cluster’s CA and restart the members one at a time, or correct the system clock.',
  },
  {
    id: 'tls-unknown-authority',
    topic: 'tls',
    pattern:
      /x509: certificate signed by unknown authority|remote error: tls: unknown certificate authority/,
    title: 'Certificate from an unknown authority',
    meaning:
      'One side presented a certificate signed by a CA the other side does not trust. On a "rejected connection" line it is the certificate of the client or member that connected; on a dial or "prober" line it is the certificate of the member being dialed.',
    action:
      'Make both sides use the same CA: the trusted CA file (--trusted-ca-file, --peer-trusted-ca-file, etcdctl --cacert) must be the CA that issued the other side’s certificate. After making a new CA, issue every certificate again from it.',
  },
  {
    id: 'tls-san-mismatch',
    topic: 'tls',
    pattern:
      /x509: certificate is valid for .+, not |x509: cannot validate certificate for \S+ because it doesn't contain any IP SANs|x509: certificate is not valid for any names|x509: certificate relies on legacy Common Name field|does not match any of DNSNames/,
    title: 'Certificate does not name this address',
    meaning:
      'The certificate does not list the address that was dialed. Clients compare the host in the URL (for example 127.0.0.1) with the certificate’s subject alternative names (SANs) and ignore its common name; etcd also checks a connecting member’s IP against its peer certificate.',
    action:
      'Issue the certificate again with every address it serves among its SANs (IP:127.0.0.1, IP:::1, DNS:localhost, the host of each advertised URL), or dial a name it lists.',
  },
  {
    id: 'tls-incompatible-usage',
    topic: 'tls',
    pattern: /x509: certificate specifies an incompatible key usage/,
    title: 'Certificate not made for this use',
    meaning:
      'A certificate was used for something its extended key usage does not allow: a client or peer certificate without client-auth, or a serving certificate without server-auth. Peer certificates need both, since members also dial each other with them.',
    action:
      'Issue it again with the right usages: server-auth and client-auth for peer certificates (and for server certificates when the /v3 JSON gateway runs with --client-cert-auth), client-auth for client certificates.',
  },
  {
    id: 'tls-certificate-required',
    topic: 'tls',
    pattern: /tls: client didn't provide a certificate|tls: certificate required/,
    title: 'Client connected without a certificate',
    meaning:
      'This port requires client certificates (--client-cert-auth, or --trusted-ca-file alone, which implies it), and the client presented none.',
    action:
      'Give the client a certificate and key from the cluster’s CA: etcdctl --cacert, --cert and --key, or curl --cacert, --cert and --key. A health check without a certificate can use a plain --listen-metrics-urls address instead.',
  },
  {
    id: 'tls-bad-certificate',
    topic: 'tls',
    pattern: /remote error: tls: bad certificate/,
    title: 'The other side refused a certificate',
    meaning:
      'The program at the other end of the connection refused the certificate this side presented (or its absence). The line does not say why: the reason is in the other side’s log or error message. etcdctl hides it behind "context deadline exceeded".',
    action:
      'On a "rejected connection" line, the client refused this member’s certificate: run the client again and read its error (curl -v shows it); it usually dialed an address the certificate does not list, or trusts another CA. On a dial line, look for "rejected connection" in the log of the member that was dialed.',
  },
  {
    id: 'tls-plain-http',
    topic: 'tls',
    pattern:
      /tls: first record does not look like a TLS handshake|server gave HTTP response to HTTPS client|client sent an HTTP request to an HTTPS server/,
    title: 'Plain HTTP met TLS',
    meaning:
      'One side spoke plain HTTP and the other expected TLS. On a "rejected connection" line a client used http:// against this member’s https:// port; on a dial line this member used https:// towards a port that serves plain http.',
    action:
      'Use the scheme the port serves: https:// endpoints for a TLS cluster (with --cacert, --cert and --key). While turning TLS on, switch peer URLs to https only after every member has its certificates.',
  },
  {
    id: 'tls-key-mismatch',
    topic: 'tls',
    pattern: /tls: private key does not match public key/,
    title: 'Key file does not belong to the certificate',
    meaning:
      'The key file given next to a certificate (--key-file, --peer-key-file, etcdctl --key) is not the key that certificate was made with.',
    action: 'Pair each certificate with the key made together with it.',
  },
  {
    id: 'tls-not-pem',
    topic: 'tls',
    pattern: /tls: failed to find any PEM data in \w+ input|tls: failed to find "[^"]*" PEM block/,
    title: 'Certificate or key file is not PEM',
    meaning:
      'A certificate or key file holds no PEM block ("-----BEGIN …-----"): it is binary DER, encrypted, empty, or the wrong file.',
    action:
      'Point the flag at the right file and convert DER to PEM. Keys must be unencrypted PKCS#1, PKCS#8 or SEC1.',
  },
  {
    id: 'tls-http-ignores-certificates',
    topic: 'tls',
    pattern:
      /scheme is HTTP while (key and cert files are present|--peer-client-cert-auth is enabled)/,
    title: 'Certificates given to a plain-HTTP listener',
    meaning:
      'This listener’s URL is http://, so it does not use the certificate files it was given. While turning TLS on this is expected: members still use the files to dial peers that already serve https.',
    action:
      'Nothing to do during the switch to TLS. Otherwise change the listen and advertise URLs to https:// to use the certificates.',
  },
]

/** The explanation of the first catalogue entry found in `text`, or null. */
export function explainLogText(text: string): LogExplanation | null {
  const entry = LOG_EXPLANATIONS.find((e) => e.pattern.test(text))
  if (!entry) return null
  const { id, topic, title, meaning, action } = entry
  return { id, topic, title, meaning, action }
}

/** The explanation of a log line: its message and field values are searched (raw text if not JSON). */
export function explainLogLine(line: LogLine): LogExplanation | null {
  if (line.level === 'raw') return explainLogText(line.raw)
  const values = Object.values(line.fields).map((v) =>
    typeof v === 'string' ? v : JSON.stringify(v),
  )
  return explainLogText([line.msg, ...values].join('\n'))
}
